import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getAllOfMeeting, meetingListDescription } from '../meetingLists';

export const description = meetingListDescription('participant');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getAllOfMeeting.call(this, itemIndex, '/participants');
}
