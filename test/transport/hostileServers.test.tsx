import { systemClock } from '../../nodes/ZohoMeeting/transport/clock';
import { connectedZohoCredential, ZOHO_CREDENTIAL_TYPE } from '../harness';
import { trickle, useForeignServer } from '../helpers/foreignServer';
import { locator, useSandbox } from '../helpers/sandboxWorkflow';

/**
 * What a hostile or broken server can make of the node, through real workflows: the
 * sandbox plays the Zoho API (answering with faults), a foreign server on another
 * loopback origin plays the place it points to, or the hostile API itself.
 */
const sandbox = useSandbox();
const foreign = useForeignServer();

const { sleep: realSleep, deadline: realDeadline } = systemClock;

/** The transport's waits 20 times faster, and an exchange's deadline 300 ms, so stalls end in a second. */
function fastClock() {
	jest.spyOn(systemClock, 'sleep').mockImplementation(async (ms, signal) => await realSleep(ms / 20, signal));
	jest.spyOn(systemClock, 'deadline').mockImplementation(() => realDeadline(300));
}

afterEach(() => jest.restoreAllMocks());

const getMeeting = { resource: 'meeting', operation: 'get', meetingKey: locator('id', '1234567890') };
const createMeeting = {
	resource: 'meeting',
	operation: 'create',
	topic: 'Quarterly review',
	startTime: '2099-01-01T10:00:00Z',
	duration: 30,
	timezone: 'UTC',
};

/** A credential whose API and Accounts URL are the foreign server: the API itself is hostile. */
async function foreignCredential(apiUrl = foreign.url) {
	const tokens = await sandbox.admin.issueTokens();
	const ref = { id: `foreign-${Math.random()}`, name: 'Zoho Meeting (foreign)' };
	sandbox.credentials.create({ type: ZOHO_CREDENTIAL_TYPE, ...ref, data: connectedZohoCredential(apiUrl, tokens) });
	return ref;
}

describe('a redirect on an API call', () => {
	it.each([
		['GET (Get Meeting) answered 302', 302, getMeeting],
		['POST (Create Meeting) answered 307', 307, createMeeting],
		['POST answered 308', 308, createMeeting],
	])('%s to another origin is not followed: nothing reaches it, and the error names it', async (_, status, parameters) => {
		await sandbox.admin.injectFault({ count: 5, fault: { type: 'status', status, headers: { Location: `${foreign.url}/steal` } } });

		const result = await sandbox.runZoho(parameters);

		const origin = new URL(foreign.url).origin;
		expect(result.error?.message).toBe(`Zoho Meeting redirected the request to ${origin} (HTTP ${status}); it was not followed`);
		expect(result.error?.description).toContain(`nothing was sent to ${origin}`);
		expect(foreign.requests).toEqual([]);
		expect(await sandbox.apiRequests()).toHaveLength(1);
	});

	it.each([
		['a javascript: URL', 'javascript:alert(1)', 'a javascript: address'],
		['a file: URL', 'file:///etc/passwd', 'a file: address'],
		['no Location at all', undefined, 'no address'],
	])('to %s names it as such, not as "null" or a Zoho error', async (_, location, names) => {
		const headers: Record<string, string> = location === undefined ? {} : { Location: location };
		await sandbox.admin.injectFault({ count: 5, fault: { type: 'status', status: 302, headers } });

		const result = await sandbox.runZoho(getMeeting);

		expect(result.error?.message).toBe(`Zoho Meeting redirected the request to ${names} (HTTP 302); it was not followed`);
		expect(await sandbox.apiRequests()).toHaveLength(1);
	});
});

describe('an answer whose data has the wrong shape', () => {
	const answering = (body: string) => foreign.answerWith((_, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(body));

	it.each([
		['a number', '{"status":"success","data":5}'],
		['a list of numbers', '{"status":"success","data":[1,2]}'],
		['a list with a null', '{"status":"success","data":[{"meeting_key":"1"},null]}'],
	])('is a malformed answer, not items that are not objects: data that is %s', async (_, body) => {
		fastClock();
		answering(body);
		const credential = await foreignCredential();

		const get = await sandbox.runZoho(getMeeting, { credential });
		const create = await sandbox.runZoho(createMeeting, { credential });

		expect(get.error?.message).toBe('Zoho Meeting answered HTTP 200 with an unexpected response (application/json)');
		expect(create.error?.description).toMatch(/may have carried out this request/);
		expect(foreign.requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET', 'GET', 'POST']);
	});
});

describe('a server that never finishes its answer', () => {
	it('meets the whole-exchange deadline on an API call, however often it sends a byte', async () => {
		fastClock();
		foreign.answerWith(trickle({ 'Content-Type': 'application/json' }, 50));
		const credential = await foreignCredential();

		const result = await sandbox.runZoho(getMeeting, { credential });

		expect(result.error?.message).toMatch(/^Zoho Meeting did not finish answering in time/);
		// A GET is idempotent: tried once and retried three times, each cut at the deadline.
		expect(foreign.requests).toHaveLength(4);
	});

	it('does not send a create again after the deadline cut it, and says it may exist', async () => {
		fastClock();
		foreign.answerWith(trickle({ 'Content-Type': 'application/json' }, 50));
		const credential = await foreignCredential();

		const result = await sandbox.runZoho(createMeeting, { credential });

		expect(result.error?.message).toMatch(/^Zoho Meeting did not finish answering in time/);
		expect(result.error?.description).toMatch(/may have carried out this request/);
		expect(foreign.requests).toHaveLength(1);
	});

	it('ends a download whose file host stops sending, instead of waiting forever', async () => {
		fastClock();
		const { recordings } = await sandbox.admin.seed({ recordings: 1 });
		const id = recordings[0].recording_id;
		await sandbox.admin.injectFault({
			path: '/download$',
			count: 10,
			fault: { type: 'status', status: 302, headers: { Location: `${foreign.url}/file.mp4` } },
		});
		foreign.answerWith((_, response) => {
			response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': '1000' });
			response.write(Buffer.alloc(10));
		});

		const result = await sandbox.runZoho({ resource: 'recording', operation: 'download', recordingId: locator('id', id) });

		expect(result.error?.message).toBe('The download was cut short');
		expect(result.error?.description).toMatch(/no byte arrived for \d+ s after 10/);
		expect(foreign.requests.map((r) => r.authorization)).toEqual([undefined, undefined, undefined, undefined]);
	});
});

describe('a file larger than Max File Size', () => {
	it('is cut off as it streams when the file host announces no length', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: 1 });
		await sandbox.admin.injectFault({
			path: '/download$',
			fault: { type: 'status', status: 302, headers: { Location: `${foreign.url}/file.mp4` } },
		});
		let sent = 0;
		foreign.answerWith((request, response) => {
			response.writeHead(200, { 'Content-Type': 'video/mp4' });
			const chunk = Buffer.alloc(64 * 1024);
			const pump = () => {
				while (sent < 8 * 1024 * 1024 && response.write(chunk)) sent += chunk.length;
				if (sent >= 8 * 1024 * 1024) response.end();
			};
			response.on('drain', pump);
			request.socket.on('close', () => response.removeListener('drain', pump));
			pump();
		});

		const result = await sandbox.runZoho({
			resource: 'recording',
			operation: 'download',
			recordingId: locator('id', recordings[0].recording_id),
			maxFileSize: 1,
		});

		expect(result.error?.message).toBe('The file is larger than Max File Size (1 MB)');
		expect(sent).toBeLessThan(8 * 1024 * 1024);
	});
});

describe('a create, or an approval, that a gateway may have passed on', () => {
	it.each([
		['502 from a gateway', { type: 'html', status: 502 }],
		['504 from a gateway', { type: 'html', status: 504 }],
		['503 page from a proxy', { type: 'html', status: 503 }],
		['cut-off answer', { type: 'truncate', bytes: 5 }],
	] as const)('answered with a %s warns that it may have been done, and is not sent again', async (_, fault) => {
		await sandbox.admin.injectFault({ method: 'POST', count: 5, fault });

		const result = await sandbox.runZoho(createMeeting);

		expect(result.error?.description).toMatch(/may have carried out this request .* not sent again/);
		expect((await sandbox.apiRequests()).filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('a 503 that is Zoho\'s own error says to try again later, without the warning', async () => {
		await sandbox.admin.injectFault({ method: 'POST', fault: { type: 'status', status: 503, code: 'INTERNAL_ERROR' } });
		const result = await sandbox.runZoho(createMeeting);
		expect(result.error?.description).not.toMatch(/may have carried out/);
	});

	it('an approval answered 504 is not sent again either', async () => {
		const { webinars, registrations } = await sandbox.admin.seed({
			webinars: [{ topic: 'Launch', registration_required: true }],
			registrations: [{ email: 'ana@example.com', name: 'Ana Lima' }],
		});
		await sandbox.admin.injectFault({ method: 'PUT', count: 5, fault: { type: 'html', status: 504 } });

		const result = await sandbox.runZoho({
			resource: 'registration',
			operation: 'approve',
			webinarKey: locator('id', webinars[0].webinar_key),
			registrationId: registrations[0].registration_id,
		});

		expect(result.error?.description).toMatch(/may have carried out this request/);
		expect((await sandbox.apiRequests()).filter((r) => r.method === 'PUT')).toHaveLength(1);
	});
});

describe('the Custom data center', () => {
	it.each([
		['a plain http URL of another machine', 'http://meeting.example.com', /must start with https:\/\//],
		['a user name and password in the URL', 'USERINFO', /contains a user name or password/],
		['text that is not a URL', 'meeting example', /is not a URL/],
		['http to a name that DNS answers (*.localhost)', 'http://sandbox.localhost:4010', /must start with https:\/\//],
		['http to localhost. (asked of DNS, not the hosts file)', 'http://localhost.:4010', /must start with https:\/\//],
		['http:host without slashes, which n8n cannot send', 'NOSLASHES', /is not a URL/],
		['a scheme that is not a web one', 'javascript:alert(1)', /must start with https:\/\//],
	])('refuses %s before any request', async (_, apiUrl, message) => {
		const url =
			apiUrl === 'USERINFO' ? sandbox.url.replace('http://', 'http://user:secret@') : apiUrl === 'NOSLASHES' ? sandbox.url.replace('http://', 'http:') : apiUrl;
		const credential = await foreignCredential(url);

		const result = await sandbox.runZoho(getMeeting, { credential });

		expect(result.error?.message).toMatch(message);
		expect(await sandbox.apiRequests()).toEqual([]);
		expect(await sandbox.admin.requests('oauth')).toEqual([]);
	});
});
