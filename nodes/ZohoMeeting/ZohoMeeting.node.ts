import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceOptions, resourceProperties } from './actions/resources';
import { router, routerOptions } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class ZohoMeeting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Meeting',
		name: 'zohoMeeting',
		icon: { light: 'file:zohoMeeting.svg', dark: 'file:zohoMeeting.dark.svg' },
		group: ['transform'],
		// Version 2 outputs simplified objects by default (actions/shared/simplify.ts says why
		// version 1 nodes keep whole objects) and answers a delete with `deleted: true`.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Schedule meetings and webinars, manage participants and download recordings in Zoho Meeting',
		defaults: { name: 'Zoho Meeting' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zohoMeetingOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'meeting',
			},
			...resourceProperties,
			routerOptions,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
