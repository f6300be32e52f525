import { erecordingIdOf } from '../../sandbox/organization/recordings';
import { seedHeldMeeting } from '../helpers/heldMeeting';
import { locator, SANDBOX_ZSOID, useSandbox, ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';

/**
 * Participants (Zoho's participant report) and recordings against the sandbox in the
 * organization dialect: paths under `/meeting/api/v2` for recordings, `index`/`count`
 * paging, epoch milliseconds and milliseconds read into the contract's times and minutes.
 */
const sandbox = useSandbox({ api: 'organization' });

const RECORDINGS = `/meeting/api/v2/${SANDBOX_ZSOID}/recordings`;
const requestLine = (r: { method: string; path: string; query: Record<string, string> }) =>
	`${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''}`;

describe('organization API: participants', () => {
	it("lists who attended from the participant report, page by page number, one item per attendance", async () => {
		const key = await seedHeldMeeting(sandbox);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'participant', operation: 'getAll', meetingKey: locator('id', key), returnAll: true });

		expect(result.error).toBeUndefined();
		expect((await sandbox.apiRequests()).map(requestLine)).toEqual([
			`GET /api/v2/${SANDBOX_ZSOID}/participant/${key}.json?index=1&count=100`,
		]);
		const rows = result.output(ZOHO_NODE_NAME).map((item) => item.json);
		expect(rows).toHaveLength(6);
		expect(rows[0]).toMatchObject({
			participant_id: expect.any(String),
			email: 'ann@example.com',
			join_time: '2025-03-03T09:00:00Z',
			leave_time: expect.stringMatching(/^2025-03-03T09:\d\d:00Z$/),
			duration: expect.any(Number),
			device: expect.any(String),
			status: 'joined',
			// Zoho's own fields stay.
			inAndOutTime: expect.stringMatching(/ - /),
		});
		expect(rows.filter((row) => row.email === 'bob@example.com').map((row) => row.join_time)).toEqual([
			'2025-03-03T09:01:00Z',
			'2025-03-04T09:01:00Z',
			'2025-03-05T09:01:00Z',
		]);
	});

	it('asks the report for no more rows than the limit', async () => {
		const key = await seedHeldMeeting(sandbox);
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({ resource: 'participant', operation: 'getAll', meetingKey: locator('id', key), limit: 4 });
		expect(result.output(ZOHO_NODE_NAME)).toHaveLength(4);
		expect((await sandbox.apiRequests()).map((r) => r.query)).toEqual([{ index: '1', count: '4' }]);
	});
});

describe('organization API: recordings', () => {
	it("lists the organization's recordings with Return All, index by record, count 100", async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: 130 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		const ids = result.output(ZOHO_NODE_NAME).map((item) => item.json.recording_id);
		expect(new Set(ids)).toEqual(new Set(recordings.map((r) => erecordingIdOf(r.recording_id))));
		expect((await sandbox.apiRequests()).map(requestLine)).toEqual([
			`GET ${RECORDINGS}.json?index=1&count=100`,
			`GET ${RECORDINGS}.json?index=101&count=100`,
		]);
	});

	it("gives a recording the contract's fields, Zoho's others beside them", async () => {
		const { recordings } = await sandbox.admin.seed({
			recordings: [{ topic: 'Board', start_time: '2025-03-10T10:00:00Z', duration: 45, file_size: 4_856_563 }],
		});
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', returnAll: true });

		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({
			recording_id: erecordingIdOf(recordings[0].recording_id),
			meeting_key: recordings[0].meeting_key,
			topic: 'Board',
			start_time: '2025-03-10T10:00:00Z',
			duration: 45,
			file_size: 4_856_563,
			status: 'available',
			download_url: expect.stringContaining('/webdownload?event-id='),
			streaming_url: expect.any(String),
			shareUrl: expect.any(String),
			processingState: 'UPLOADED',
		});
	});

	it.each(['processingState', 'status'] as const)('reads a recording ready when %s says UPLOADED, and processing before', async (variant) => {
		await sandbox.admin.setOrganizationVariants({ recordingState: variant });
		await sandbox.admin.seed({ recordings: [{ topic: 'Ready' }, { topic: 'Still processing', status: 'processing' }] });

		const result = await sandbox.runZoho({ resource: 'recording', operation: 'getAll', returnAll: true });

		const states = Object.fromEntries(result.output(ZOHO_NODE_NAME).map((item) => [item.json.topic, item.json.status]));
		expect(states).toEqual({ Ready: 'available', 'Still processing': 'processing' });
	});

	it('filters the dates itself, which this API cannot', async () => {
		await sandbox.admin.seed({
			recordings: [
				{ topic: 'Before', start_time: '2025-02-28T22:00:00Z' },
				{ topic: 'Inside', start_time: '2025-03-10T10:00:00Z' },
				{ topic: 'After', start_time: '2025-04-01T10:00:00Z' },
			],
		});
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({
			resource: 'recording',
			operation: 'getAll',
			returnAll: true,
			filters: { fromDate: '2025-03-01T00:00:00Z', toDate: '2025-03-31T23:59:59Z' },
		});
		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.topic)).toEqual(['Inside']);
		expect((await sandbox.apiRequests()).map((r) => r.query)).toEqual([{ index: '1', count: '100' }]);
	});

	it('asks for whole pages when it filters itself, however small the Limit', async () => {
		await sandbox.admin.seed({
			recordings: Array.from({ length: 150 }, (_, i) => ({ topic: `R${i}`, start_time: i % 50 === 0 ? '2025-03-10T10:00:00Z' : '2025-01-10T10:00:00Z' })),
		});
		await sandbox.admin.clearRequests();
		const result = await sandbox.runZoho({
			resource: 'recording',
			operation: 'getAll',
			limit: 2,
			filters: { fromDate: '2025-03-01T00:00:00Z', toDate: '2025-03-31T23:59:59Z' },
		});
		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.start_time)).toEqual(['2025-03-10T10:00:00Z', '2025-03-10T10:00:00Z']);
		// Newest first: the three of March lead the first page, so one request does.
		expect((await sandbox.apiRequests()).map((r) => r.query)).toEqual([{ index: '1', count: '100' }]);
	});

	it('gets one recording by looking through the list, which is all this API offers', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: 120 });
		const wanted = erecordingIdOf(recordings[5].recording_id);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'recording', operation: 'get', recordingId: locator('id', wanted) });

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json.recording_id)).toEqual([wanted]);
		expect((await sandbox.apiRequests()).every((r) => r.path === `${RECORDINGS}.json`)).toBe(true);
	});

	it('says INVALID_RECORDING_ID for an ID none of the recordings has', async () => {
		await sandbox.admin.seed({ recordings: 3 });
		const result = await sandbox.runZoho({ resource: 'recording', operation: 'get', recordingId: locator('id', 'abc123') });
		expect(result.error).toMatchObject({ message: expect.stringMatching(/^INVALID_RECORDING_ID: /), httpCode: '404' });
		expect(result.error?.description).toMatch(/looked through them all/);
	});

	it("downloads the file from its downloadUrl with the token, the credential's own host", async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ topic: 'Demo', duration: 1, file_size: 4096 }] });
		const id = erecordingIdOf(recordings[0].recording_id);
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({ resource: 'recording', operation: 'download', recordingId: locator('id', id) });

		expect(result.error).toBeUndefined();
		const [item] = result.output(ZOHO_NODE_NAME);
		expect(item.json).toMatchObject({ recording_id: id, file_size: 4096 });
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4' });
		const requests = await sandbox.admin.requests('api');
		expect(requests.map((r) => [r.path, r.hadAuthorization])).toEqual([
			[`${RECORDINGS}.json`, true],
			['/webdownload', true],
		]);
		expect(requests[1].query).toMatchObject({ 'event-id': id, 'x-service': 'meeting' });
	});

	it('follows a redirect to the file host without the token', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ duration: 1, file_size: 2048 }] });
		await sandbox.admin.setDownloadMode('redirect');
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho({
			resource: 'recording',
			operation: 'download',
			recordingId: locator('id', erecordingIdOf(recordings[0].recording_id)),
		});

		expect(result.error).toBeUndefined();
		expect(result.output(ZOHO_NODE_NAME)[0].json).toMatchObject({ file_size: 2048 });
		expect((await sandbox.admin.requests('cdn')).map((r) => r.hadAuthorization)).toEqual([false]);
	});

	it('names the missing scopes when the download host answers its sign-in page', async () => {
		const { recordings } = await sandbox.admin.seed({ recordings: [{ duration: 1 }] });
		const credential = await sandbox.addCredential(
			{ api: 'organization', organizationId: SANDBOX_ZSOID },
			'ZohoMeeting.recording.READ',
		);

		const result = await sandbox.runZoho(
			{ resource: 'recording', operation: 'download', recordingId: locator('id', erecordingIdOf(recordings[0].recording_id)) },
			{ credential },
		);

		expect(result.error?.message).toBe('Zoho Meeting answered the download with a web page, not the file');
		expect(result.error?.description).toMatch(/ZohoMeeting\.meetinguds\.READ and ZohoFiles\.files\.READ/);
	});

	it('refuses to delete a recording before any request: this API offers no such thing', async () => {
		const result = await sandbox.runZoho({ resource: 'recording', operation: 'delete', recordingId: locator('id', 'abc') });
		expect(result.error?.message).toBe("Deleting a recording is not offered by Zoho's organization API");
		expect(result.error?.description).toMatch(/Delete it in Zoho Meeting/);
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
