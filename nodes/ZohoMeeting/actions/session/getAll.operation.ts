import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getAllOfMeeting, meetingListProperties } from '../shared/lists';

export const option = {
	name: 'Get Many',
	description: 'Get many sessions of a meeting',
	action: 'Get many meeting sessions',
};

export const properties = meetingListProperties('session');

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	return await getAllOfMeeting.call(this, itemIndex, zoho, 'session');
}
