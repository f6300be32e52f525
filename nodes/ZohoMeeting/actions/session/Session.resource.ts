import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one session of a meeting, with its times and attendance',
				action: 'Get a meeting session',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many sessions of a meeting',
				action: 'Get many meeting sessions',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
