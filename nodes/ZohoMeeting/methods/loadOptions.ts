import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { timezones } from '../actions/shared/dates';

export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [
		{ name: `Workflow Time Zone (${this.getTimezone()})`, value: '' },
		...timezones().map((zone) => ({ name: zone.replace(/_/g, ' '), value: zone })),
	];
}
