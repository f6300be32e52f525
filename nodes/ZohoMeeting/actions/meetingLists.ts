import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../transport';
import { limitField, meetingKeyLocator, returnAllField } from './common.descriptions';
import { listQuery } from './filters';
import { getMeetingKey } from './locators';

/** Get Many of what belongs to one meeting (its participants, its sessions): the fields. */
export function meetingListDescription(resource: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: ['getAll'] } }, [
		meetingKeyLocator,
		returnAllField,
		limitField,
	]);
}

/** Get Many of what belongs to one meeting: `path` is below `/meetings/{meetingKey}`. */
export async function getAllOfMeeting(
	this: IExecuteFunctions,
	itemIndex: number,
	zoho: ZohoClient,
	path: string,
): Promise<IDataObject[]> {
	const { returnAll, limit } = listQuery.call(this, itemIndex);
	const meetingKey = await getMeetingKey.call(this, itemIndex, zoho);
	return await zoho.pageThrough(
		{ method: 'GET', path: `/meetings/{meetingKey}${path}`, pathParams: { meetingKey }, itemIndex },
		{ returnAll, limit },
	);
}
