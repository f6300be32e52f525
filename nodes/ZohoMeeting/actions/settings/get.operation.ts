import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';


export const option = {
	name: 'Get',
	description: "Get the account's default meeting settings",
	action: 'Get meeting settings',
};

export const properties: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	return await zoho.request({ method: 'GET', path: '/settings', itemIndex });
}
