import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import * as webinar from './fields';
import { getLocatorId, webinarKeyLocator } from '../shared/keys';
import { readScheduleUpdate, sendScheduleUpdate, updateFieldsCollection, updateTimezoneField } from '../shared/updates';

export const option = {
	name: 'Update',
	description: 'Update a webinar',
	action: 'Update a webinar',
};

export const properties: INodeProperties[] = [
	webinarKeyLocator,
	updateFieldsCollection([
		webinar.topicField,
		webinar.startTimeField,
		webinar.durationField,
		updateTimezoneField(webinar.timezoneField, 'webinar'),
		...webinar.webinarOptions,
	]),
];


export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	const update = readScheduleUpdate.call(this, itemIndex, (fields, timezone) =>
		webinar.toWebinarBody(this.getNode(), itemIndex, fields, timezone),
	);
	return await sendScheduleUpdate.call(this, itemIndex, zoho, 'webinar', update, {
		path: '/webinars/{webinarKey}',
		pathParams: { webinarKey },
	});
}
