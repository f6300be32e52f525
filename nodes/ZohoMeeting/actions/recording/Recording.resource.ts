import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as del from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations = { get, getAll, download, delete: del };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recording'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a recording permanently',
				action: 'Delete a recording',
			},
			{
				name: 'Download',
				value: 'download',
				description: 'Download the video file of a recording and output it as binary data',
				action: 'Download a recording',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the details of a recording',
				action: 'Get a recording',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many recordings',
				action: 'Get many recordings',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...download.description,
	...del.description,
];
