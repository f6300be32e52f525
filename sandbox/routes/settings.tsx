import type { ApiRoute } from '../api';
import { ok } from '../http';
import type { UserSettings } from '../model';
import type { Schema } from '../validation';

/** Spec "Settings API": the account's defaults for new meetings. */

const SETTINGS_FIELDS: Schema = {
	default_meeting_duration: { kind: 'integer', min: 1, max: 1440 },
	default_timezone: { kind: 'timezone' },
	auto_recording: { kind: 'boolean' },
	waiting_room_enabled: { kind: 'boolean' },
};

export const settingsRoutes: ApiRoute[] = [
	// Get User Settings
	{
		method: 'GET',
		path: '/settings',
		scope: 'settings',
		handle: ({ store }) => ok({ ...store.settings }),
	},
	// Update User Settings
	{
		method: 'PUT',
		path: '/settings',
		scope: 'settings',
		body: { schema: SETTINGS_FIELDS, partial: true },
		handle: ({ store, body }) => {
			store.settings = { ...store.settings, ...(body as Partial<UserSettings>) };
			return ok({ ...store.settings });
		},
	},
];
