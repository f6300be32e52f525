import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as deleteWebinar from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, get, getAll, update, delete: deleteWebinar };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webinar'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Schedule a webinar, with or without registration',
				action: 'Create a webinar',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a webinar',
				action: 'Delete a webinar',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a webinar',
				action: 'Get a webinar',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many webinars',
				action: 'Get many webinars',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a webinar',
				action: 'Update a webinar',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteWebinar.description,
];
