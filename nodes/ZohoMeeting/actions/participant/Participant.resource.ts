import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export const operations: ResourceOperations = { add, getAll, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['participant'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add participants to a meeting and optionally email them an invitation',
				action: 'Add participants to a meeting',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many participants of a meeting',
				action: 'Get many participants',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove a participant from a meeting',
				action: 'Remove a participant from a meeting',
			},
		],
		default: 'add',
	},
	...add.description,
	...getAll.description,
	...remove.description,
];
