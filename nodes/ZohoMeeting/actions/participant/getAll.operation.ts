import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getAllOfMeeting, meetingListProperties } from '../shared/lists';

export const option = {
	name: 'Get Many',
	description: 'Get many participants of a meeting',
	action: 'Get many participants',
};

export const properties = meetingListProperties('participant');

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	return await getAllOfMeeting.call(this, itemIndex, zoho, 'participant');
}
