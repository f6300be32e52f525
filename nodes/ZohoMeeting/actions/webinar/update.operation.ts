import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ZohoClient } from '../../transport';
import { webinarKeyLocator } from '../common.descriptions';
import { readUpdateFields, updateFieldsCollection } from '../common.fields';
import { getLocatorId, getTimezone } from '../locators';
import * as webinar from './fields';

const properties: INodeProperties[] = [
	webinarKeyLocator,
	updateFieldsCollection([
		webinar.topicField,
		webinar.startTimeField,
		webinar.durationField,
		webinar.timezoneField,
		...webinar.webinarOptions,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webinar'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, zoho: ZohoClient): Promise<IDataObject> {
	const fields = readUpdateFields.call(this, itemIndex);
	const webinarKey = getLocatorId.call(this, 'webinarKey', itemIndex);
	const timezone = getTimezone.call(this, itemIndex, fields.timezone);
	return await zoho.request({
		method: 'PUT',
		path: '/webinars/{webinarKey}',
		pathParams: { webinarKey },
		body: webinar.toWebinarBody(this.getNode(), itemIndex, fields, timezone),
		itemIndex,
	});
}
