import { Readable } from 'node:stream';

import type { IBinaryData, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { ZohoClient } from '../../nodes/ZohoMeeting/transport';
import { addressClassOf } from '../../nodes/ZohoMeeting/transport/addresses';
import { fileNameFromHeaders, safeFileName } from '../../nodes/ZohoMeeting/transport/fileNames';

/**
 * Where a download may be redirected: the API answers 302 to a file host, and these
 * tests decide the file host. The API here is public (https://meeting.zoho.test), as for
 * a real Zoho account, so redirects into n8n's own network are refused.
 */
function redirectedTo(location: string, apiUrl = 'https://meeting.zoho.test') {
	const fetched: string[] = [];
	const ctx = {
		getNode: () => ({ name: 'Zoho Meeting', type: 'zohoMeeting', credentials: { zohoMeetingOAuth2Api: { id: 'dl' } } }),
		getCredentials: async () => ({ dataCenter: 'custom', apiUrl, accountsUrl: apiUrl, api: 'v2' }),
		helpers: {
			httpRequestWithAuthentication: async () => {
				throw Object.assign(new Error('Request failed with status code 302'), {
					response: { status: 302, headers: { location }, data: undefined },
				});
			},
			httpRequest: async (options: IHttpRequestOptions) => {
				fetched.push(options.url);
				return { statusCode: 200, headers: { 'content-type': 'video/mp4' }, body: Readable.from([Buffer.from('file')]) };
			},
			prepareBinaryData: async (body: Readable): Promise<IBinaryData> => {
				for await (const chunk of body) void chunk;
				return { data: '', mimeType: 'video/mp4', fileName: 'f.mp4' };
			},
		},
	} as unknown as IExecuteFunctions;
	const download = new ZohoClient(ctx).download(
		{ method: 'GET', path: '/recordings/{id}/download', pathParams: { id: 'REC_1' } },
		{ fileName: 'REC_1.mp4', mimeType: 'video/mp4' },
	);
	return { download, fetched };
}

describe('download redirects', () => {
	it.each([
		['http://127.0.0.1:8080/file.mp4', /a loopback address/],
		['http://localhost/file.mp4', /a loopback address/],
		['http://2130706433/file.mp4', /a loopback address/],
		['http://[::1]/file.mp4', /a loopback address/],
		['http://169.254.169.254/latest/meta-data/', /a link-local address/],
		['http://[fe80::1]/file.mp4', /a link-local address/],
		['https://10.1.2.3/file.mp4', /a private address/],
		['https://192.168.0.10/file.mp4', /a private address/],
		['https://172.20.0.1/file.mp4', /a private address/],
		['http://[::ffff:127.0.0.1]/file.mp4', /a loopback address/],
		['http://files.zoho.test/file.mp4', /without https/],
		['ftp://files.zoho.test/file.mp4', /which is not a web address/],
	])('refuses %s from a public API, fetching nothing', async (location, message) => {
		const { download, fetched } = redirectedTo(location);
		await expect(download).rejects.toThrow(message);
		expect(fetched).toEqual([]);
	});

	it('follows a public https file host without the token', async () => {
		const { download, fetched } = redirectedTo('https://files.zoho.test/signed/abc');
		await expect(download).resolves.toBeDefined();
		expect(fetched).toEqual(['https://files.zoho.test/signed/abc']);
	});

	it('lets an API on this machine (the sandbox, a Custom URL) redirect to another local port', async () => {
		const { download, fetched } = redirectedTo('http://127.0.0.1:4011/recordings/REC_1', 'http://127.0.0.1:4010');
		await expect(download).resolves.toBeDefined();
		expect(fetched).toEqual(['http://127.0.0.1:4011/recordings/REC_1']);
	});
});

describe('address classes', () => {
	it.each([
		['https://meeting.zoho.com', 'public'],
		['http://0x7f.1/', 'loopback'],
		['http://0177.0.0.1/', 'loopback'],
		['http://app.localhost/', 'loopback'],
		['http://100.64.0.1/', 'private'],
		['http://[fd00::1]/', 'private'],
		['http://8.8.8.8/', 'public'],
	])('%s is %s', (url, expected) => {
		expect(addressClassOf(new URL(url))).toBe(expected);
	});
});

describe('file names from servers', () => {
	it.each([
		['attachment; filename="../../etc/passwd"', '_.._etc_passwd'],
		['attachment; filename="a\\b.mp4"', 'a_b.mp4'],
		["attachment; filename*=UTF-8''%E0%A4%A; filename=\"plain.mp4\"", 'plain.mp4'],
		["attachment; filename*=UTF-8''%E0%A4%A", 'fallback.mp4'],
		["attachment; filename*=UTF-8''Sitzung%20%C3%BCber.mp4", 'Sitzung über.mp4'],
		['attachment; filename="tab\there.mp4"', 'tab_here.mp4'],
		['attachment; filename="..."', 'fallback.mp4'],
	])('%s gives %s', (disposition, expected) => {
		const name = fileNameFromHeaders({ 'content-disposition': disposition });
		expect(safeFileName(name ?? 'fallback.mp4', 'fallback.mp4')).toBe(expected);
	});

	it('keeps a long name to 200 characters with its extension', () => {
		const name = safeFileName(`${'x'.repeat(300)}.mp4`, 'f.mp4');
		expect(name).toHaveLength(200);
		expect(name.endsWith('.mp4')).toBe(true);
	});
});
