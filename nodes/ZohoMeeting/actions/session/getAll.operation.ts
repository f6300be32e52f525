import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { getAllOfMeeting, meetingListDescription } from '../meetingLists';

export const description = meetingListDescription('session');

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject[]> {
	return await getAllOfMeeting.call(this, itemIndex, zoho, '/sessions');
}
