import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getAllOfMeeting, meetingListDescription } from '../meetingLists';

export const description = meetingListDescription('session');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getAllOfMeeting.call(this, itemIndex, '/sessions');
}
