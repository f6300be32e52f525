import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['settings'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: "Get the account's default meeting settings",
				action: 'Get meeting settings',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change the account's default meeting settings",
				action: 'Update meeting settings',
			},
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
