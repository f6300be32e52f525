import { existsSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_NAME } from './index';
import { packageCredentialTypes, packageNodeTypes } from './package-types';

const exists = (file: string) => existsSync(path.resolve(__dirname, '../..', file));

describe('package registration', () => {
	test.each([
		['nodes/ZohoMeeting/ZohoMeeting.node.ts', 'zohoMeeting'],
		['nodes/ZohoMeetingTrigger/ZohoMeetingTrigger.node.ts', 'zohoMeetingTrigger'],
	])('%s is registered exactly when it exists', (file, name) => {
		const type = `${PACKAGE_NAME}.${name}`;
		expect(PACKAGE_NAME).toBe('n8n-nodes-zoho-meeting');
		expect(type in packageNodeTypes()).toBe(exists(file));
		if (exists(file)) expect(packageNodeTypes()[type].description.name).toBe(name);
	});

	test("loads the package's credential types", () => {
		expect(packageCredentialTypes().map((c) => c.name)).toContain('zohoMeetingOAuth2Api');
	});
});
