import { Readable } from 'node:stream';

import type { IBinaryData, IDataObject, IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { searchMeetings } from '../../nodes/ZohoMeeting/methods/listSearch';
import { ZohoClient } from '../../nodes/ZohoMeeting/transport';

/**
 * The organization dialect against a scripted Zoho of a real data center (the sandbox
 * lives on one origin and cannot be another host): which hosts get the token, and
 * paging of a list that shifts between pages.
 */
interface Scripted {
	zoho: ZohoClient;
	ctx: IExecuteFunctions;
	/** Every request, with whether n8n was asked to sign it. */
	sent: Array<{ url: string; qs?: IDataObject; token: boolean }>;
}

function scriptedZoho(answer: (url: string, qs: IDataObject) => unknown, dataCenter = 'us'): Scripted {
	const sent: Scripted['sent'] = [];
	const reply = (options: IHttpRequestOptions, token: boolean) => {
		sent.push({ url: options.url, qs: options.qs as IDataObject | undefined, token });
		const body = answer(options.url, (options.qs ?? {}) as IDataObject);
		if (body instanceof Readable) return { statusCode: 200, headers: { 'content-type': 'video/mp4' }, body };
		return { statusCode: 200, headers: {}, body };
	};
	const ctx = {
		getNode: () => ({ name: 'Zoho Meeting', type: 'zohoMeeting', credentials: { zohoMeetingOAuth2Api: { id: `wire-${dataCenter}-${Math.random()}` } } }),
		getCredentials: async () => ({ dataCenter, api: 'organization', organizationId: '777' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => reply(options, true),
			httpRequest: async (options: IHttpRequestOptions) => reply(options, false),
			prepareBinaryData: async (body: Readable): Promise<IBinaryData> => {
				for await (const chunk of body) void chunk;
				return { data: '', mimeType: 'video/mp4', fileName: 'f.mp4' };
			},
		},
	} as unknown as IExecuteFunctions;
	return { zoho: new ZohoClient(ctx), sent, ctx };
}

const recordingAt = (downloadUrl: string) => ({
	recordings: [{ erecordingId: 'abc', processingState: 'UPLOADED', downloadUrl, startTimeMillis: '1692335788703', duration: 45217 }],
	meta: { moreRecords: false },
});

function downloadFrom(downloadUrl: string, dataCenter = 'us') {
	const run = scriptedZoho((url) => (url.endsWith('/recordings.json') ? recordingAt(downloadUrl) : Readable.from([Buffer.from('file')])), dataCenter);
	const download = run.zoho.download(
		{ method: 'GET', path: '/recordings/{recordingId}/download', pathParams: { recordingId: 'abc' } },
		{ fileName: 'abc.mp4', mimeType: 'video/mp4' },
	);
	return { ...run, download };
}

describe('organization API: which hosts get the token', () => {
	it("sends the token to the data center's download host", async () => {
		const { download, sent } = downloadFrom('https://download.zoho.com/webdownload?event-id=abc&x-service=meeting');
		await expect(download).resolves.toBeDefined();
		expect(sent.map((r) => [new URL(r.url).host, r.token])).toEqual([
			['meeting.zoho.com', true],
			['download.zoho.com', true],
		]);
	});

	it.each([
		['another data center', 'https://download.zoho.eu/webdownload?event-id=abc'],
		['a host that merely looks like it', 'https://download.zoho.com.evil.test/webdownload?event-id=abc'],
		["Zoho's public file host", 'https://files-accl.zohopublic.com/public/abc'],
	])('fetches a file on %s without the token', async (_, url) => {
		const { download, sent } = downloadFrom(url);
		await expect(download).resolves.toBeDefined();
		expect(sent.map((r) => r.token)).toEqual([true, false]);
	});

	it('sends the token to the EU download host for an EU credential', async () => {
		const { download, sent } = downloadFrom('https://download.zoho.eu/webdownload?event-id=abc', 'eu');
		await expect(download).resolves.toBeDefined();
		expect(sent.map((r) => [new URL(r.url).host, r.token])).toEqual([
			['meeting.zoho.eu', true],
			['download.zoho.eu', true],
		]);
	});

	it.each([
		['http://169.254.169.254/latest/meta-data/', /a link-local address/],
		['https://10.0.0.5/file.mp4', /a private address/],
		['http://files.zoho.test/file.mp4', /without https/],
		['file:///etc/passwd', /which is not a web address/],
	])('refuses a downloadUrl of %s, fetching nothing there', async (url, message) => {
		const { download, sent } = downloadFrom(url);
		await expect(download).rejects.toThrow(message);
		expect(sent).toHaveLength(1);
	});
});

describe('organization API: a list that shifts between pages', () => {
	const meetings = (from: number, count: number) =>
		Array.from({ length: count }, (_, i) => ({ meetingKey: 1000 + from + i, topic: `M${from + i}`, timezone: 'UTC' }));

	it('passes each meeting on once when a new one pushes the list down a place', async () => {
		// Newest first: between the two pages one meeting was added at the top, so the second
		// page starts with the last of the first.
		const { zoho } = scriptedZoho((_, qs) => ({ session: Number(qs.index) === 1 ? meetings(0, 100) : meetings(99, 51), count: 151 }));
		const all = await zoho.pageThrough({ method: 'GET', path: '/meetings' }, { returnAll: true });
		const keys = all.map((meeting) => meeting.meeting_key);
		expect(keys).toHaveLength(150);
		expect(new Set(keys).size).toBe(150);
	});

	it('ends a list without a total at the first page that brings nothing new, after one reread', async () => {
		const { zoho, sent } = scriptedZoho(() => ({ webinar: meetings(0, 100).map(({ meetingKey, ...rest }) => ({ webinarKey: meetingKey, ...rest })) }));
		const all = await zoho.pageThrough({ method: 'GET', path: '/webinars' }, { returnAll: true });
		expect(all).toHaveLength(100);
		expect(sent.map((r) => r.qs?.index)).toEqual([1, 101, 2]);
	});
});

describe('organization API: the meeting picker', () => {
	it('reads the pages of sessions a search needs, by index and count, until the list ends', async () => {
		const sessions = Array.from({ length: 150 }, (_, i) => ({ meetingKey: 5000 + i, topic: i === 7 ? 'Demo day' : `M${i}`, startTime: 'Jun 19, 2099 07:00 PM', timezone: 'Asia/Kolkata', joinLink: `https://meeting.zoho.com/join?key=${5000 + i}` }));
		const { ctx, sent } = scriptedZoho((_, qs) => {
			const from = Number(qs.index) - 1;
			return { session: sessions.slice(from, from + Number(qs.count)), count: sessions.length };
		});

		const found = await searchMeetings.call(ctx as unknown as ILoadOptionsFunctions, 'demo');

		expect(found).toEqual({ results: [{ name: 'Demo day (2099-06-19 13:30:00 UTC)', value: '5007', url: 'https://meeting.zoho.com/join?key=5007' }] });
		expect(sent.map((r) => [new URL(r.url).pathname, r.qs])).toEqual([
			['/api/v2/777/sessions.json', { listtype: 'all', index: 1, count: 100 }],
			['/api/v2/777/sessions.json', { listtype: 'all', index: 101, count: 100 }],
		]);
	});
});
