import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { webinarKeyLocator } from '../common.descriptions';
import {
	readScheduleUpdate,
	sendScheduleUpdate,
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
