import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, get, getAll, update, cancel };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meeting'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel a meeting',
				action: 'Cancel a meeting',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Schedule a meeting, one-off or recurring',
				action: 'Create a meeting',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a meeting',
				action: 'Get a meeting',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many meetings',
				action: 'Get many meetings',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a meeting',
				action: 'Update a meeting',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...cancel.description,
];
