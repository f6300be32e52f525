import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';

export const operations: ResourceOperations = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get the attendance report of a meeting: sessions, duration and each participant\'s join and leave times',
				action: 'Get a meeting report',
			},
		],
		default: 'get',
	},
	...get.description,
];
