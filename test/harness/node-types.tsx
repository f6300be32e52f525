import { UnrecognizedNodeTypeError } from 'n8n-core';
import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { harnessNodeTypes } from './harness-nodes';
import { packageNodeTypes } from './package-types';

export type NodeTypeMap = Record<string, INodeType | IVersionedNodeType>;

/** packages/core/nodes-testing/node-types.ts over a fixed map instead of a package loader. */
class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly types: NodeTypeMap) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new UnrecognizedNodeTypeError('harness', type);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

/** Harness nodes, the package's nodes, then `extra` (which may replace either). */
export function buildNodeTypes(extra: NodeTypeMap = {}): INodeTypes {
	return new HarnessNodeTypes({ ...harnessNodeTypes(), ...packageNodeTypes(), ...extra });
}
