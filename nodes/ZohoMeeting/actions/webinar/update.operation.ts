import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { zohoApiRequest } from '../../transport';
import { webinarKeyLocator } from '../common.descriptions';
import {
	completeScheduleUpdate,
	readScheduleUpdate,
	updateFieldsCollection,
	updateTimezoneField,
} from '../common.fields';
import { getLocatorId } from '../locators';
import * as webinar from './fields';

const properties: INodeProperties[] = [
	webinarKeyLocator,
	updateFieldsCollection([
		webinar.topicField,
		webinar.startTimeField,
		webinar.durationField,
		updateTimezoneField(webinar.timezoneField, 'webinar'),
		...webinar.webinarOptions,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webinar'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	const update = readScheduleUpdate.call(this, itemIndex, (fields, timezone) =>
		webinar.toWebinarBody(this.getNode(), itemIndex, fields, timezone),
	);
	const body = await completeScheduleUpdate.call(this, itemIndex, 'webinar', update, async () => {
		const current = await zohoApiRequest.call(this, {
			method: 'GET',
			path: '/webinars/{webinarKey}',
			pathParams: { webinarKey },
			itemIndex,
		});
		return current.timezone;
	});
	return await zohoApiRequest.call(this, {
		method: 'PUT',
		path: '/webinars/{webinarKey}',
		pathParams: { webinarKey },
		body,
		itemIndex,
	});
}
