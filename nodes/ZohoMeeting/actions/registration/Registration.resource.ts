import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as approve from './approve.operation';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations = { getAll, approve };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['registration'] } },
		options: [
			{
				name: 'Approve',
				value: 'approve',
				description: 'Approve a pending registration so the registrant can join the webinar',
				action: 'Approve a webinar registration',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many registrations of a webinar',
				action: 'Get many webinar registrations',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...approve.description,
];
