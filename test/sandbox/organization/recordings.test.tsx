import { erecordingIdOf } from '../../../sandbox/organization/recordings';
import { recordingChunk } from '../../../sandbox/recordingBytes';
import {
	expectOrgAnswer,
	Harness,
	ORG_ERRORS,
	orgRecordingsPath,
	ZSOID,
	ZUID,
} from '../helpers';

describe('sandbox organization dialect: recordings and the download host', () => {
	const h = new Harness({ api: 'organization' });

	/** A meeting of `minutes` that ended a minute ago, recorded, its recording processing. */
	async function recordedMeeting(minutes = 2) {
		await h.admin.configure({ recordingProcessingSeconds: 600, recordingBytesPerMinute: 1000 });
		const start = Date.now() + 60_000;
		const { meetings } = await h.admin.seed({
			meetings: [
				{
					topic: 'Recorded',
					start_time: new Date(start).toISOString(),
					duration: minutes,
					timezone: 'Asia/Calcutta',
					recording_enabled: true,
				},
			],
		});
		await h.admin.advanceClock((minutes + 2) * 60);
		return { key: meetings[0].meeting_key, start };
	}

	const ofMeeting = (key: string) => h.request('GET', orgRecordingsPath(`/recordings/${key}.json`));

	it("lists a meeting's recordings with get-specific-recording.html's fields, processing until it is uploaded", async () => {
		const { key, start } = await recordedMeeting();
		const processing = await ofMeeting(key);
		expect(processing.status).toBe(200);
		expect(processing.body.recordings).toHaveLength(1);
		const recording = processing.body.recordings[0];
		expect(recording).toMatchObject({
			erecordingId: expect.stringMatching(/^[0-9a-f]{64}$/),
			meetingKey: key,
			topic: 'Recorded',
			startTimeMillis: String(start),
			endTimeMillis: String(start + 120_000),
			creatorZuid: ZUID,
			duration: 120_000,
			processingState: 'PROCESSING',
			fileSize: '2000',
			isTranscriptGenerated: false,
			isSummaryGenerated: false,
			resourceName: expect.stringMatching(new RegExp(`^${key}_\\d+_${start}\\.mp4$`)),
			playUrl: expect.stringContaining(`x-meeting-org=${ZSOID}`),
			startTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d IST$/),
		});
		expect(recording.downloadUrl).toBe(
			`${h.url}/webdownload?event-id=${recording.erecordingId}&x-service=meeting&x-cli-msg=`,
		);
		expect(recording).not.toHaveProperty('uploadedTime');

		await h.admin.advanceClock(600);
		const uploaded = (await ofMeeting(key)).body.recordings[0];
		expect(uploaded).toMatchObject({ processingState: 'UPLOADED', uploadedTime: expect.any(Number) });
		expect(uploaded.erecordingId).toBe(recording.erecordingId);
	});

	it('names the same recording in both dialects: erecordingIdOf maps the v2 recording_id', async () => {
		const { recordings } = await h.admin.seed({ recordings: 1 });
		const listed = await h.request('GET', orgRecordingsPath('/recordings.json'));
		expect(listed.body.recordings[0].erecordingId).toBe(erecordingIdOf(recordings[0].recording_id));
	});

	it("can name the state field `status`, as a client's notes show the org-wide list", async () => {
		await h.admin.seed({ recordings: [{ status: 'processing' }, {}] });
		await h.admin.setOrganizationVariants({ recordingState: 'status' });
		const listed = (await h.request('GET', orgRecordingsPath('/recordings.json'))).body.recordings;
		expect(listed.map((r: { status: string }) => r.status).sort()).toEqual(['PROCESSING', 'UPLOADED']);
		expect(listed[0]).not.toHaveProperty('processingState');
	});

	it('answers an unknown or cancelled meeting with the documented invalid-key error', async () => {
		expectOrgAnswer(await ofMeeting('1234567'), ORG_ERRORS.invalidKey);
		const { meetings } = await h.admin.seed({ meetings: [{ status: 'cancelled' }] });
		expectOrgAnswer(await ofMeeting(meetings[0].meeting_key), ORG_ERRORS.invalidKey);
	});

	describe('the download host', () => {
		async function uploadedRecording() {
			const { recordings } = await h.admin.seed({ recordings: [{ file_size: 300_000 }] });
			const listed = await h.request('GET', orgRecordingsPath('/recordings.json'));
			return { id: recordings[0].recording_id, url: listed.body.recordings[0].downloadUrl as string };
		}

		const download = (url: string, token: string | null, scheme = 'Bearer') =>
			fetch(url, {
				headers: token === null ? {} : { Authorization: `${scheme} ${token}` },
				redirect: 'manual',
			});

		it('streams the file to the token with the download scopes', async () => {
			const { id, url } = await uploadedRecording();
			const response = await download(url, h.token, 'Zoho-oauthtoken');
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('video/mp4');
			const body = Buffer.from(await response.arrayBuffer());
			expect(body.equals(recordingChunk(id, 0, 300_000))).toBe(true);
			expect((await h.admin.requests()).at(-1)).toMatchObject({
				path: '/webdownload',
				query: { 'event-id': expect.any(String), 'x-service': 'meeting', 'x-cli-msg': '' },
				authScheme: 'Zoho-oauthtoken',
				status: 200,
			});
		});

		it('answers an HTML page with status 200, not the file, without a token or its scopes', async () => {
			const { url } = await uploadedRecording();
			const apiOnly = await h.admin.issueTokens({ scope: 'ZohoMeeting.recording.READ' });
			const half = await h.admin.issueTokens({
				scope: 'ZohoMeeting.recording.READ,ZohoMeeting.meetinguds.READ',
			});
			for (const token of [null, 'not-a-token', apiOnly.access_token, half.access_token]) {
				const response = await download(url, token);
				expect(response.status).toBe(200);
				expect(response.headers.get('content-type')).toContain('text/html');
				expect(await response.text()).toContain('<!DOCTYPE html>');
			}
			const both = await h.admin.issueTokens({
				scope: 'ZohoMeeting.meetinguds.READ,ZohoFiles.files.READ',
			});
			expect((await download(url, both.access_token)).headers.get('content-type')).toBe('video/mp4');
		});

		it('answers 404 for a recording still processing or unknown, and counts no call against the limit', async () => {
			const { key } = await recordedMeeting();
			await h.admin.setLimits({ perWindow: 2 });
			const processing = (await ofMeeting(key)).body.recordings[0].downloadUrl as string;
			const notYet = await download(processing, h.token);
			expect(notYet.status).toBe(404);
			expect(await notYet.text()).toContain('not available');
			expect((await download(`${h.url}/webdownload?event-id=00`, h.token)).status).toBe(404);
			// The downloads were not API calls: the second call of the window still passes.
			expect((await ofMeeting(key)).status).toBe(200);
			expect((await ofMeeting(key)).status).toBe(429);
		});

		it("in redirect mode sends the client to the CDN, where the token must not follow", async () => {
			const { id, url } = await uploadedRecording();
			await h.admin.setDownloadMode('redirect');
			const response = await download(url, h.token);
			expect(response.status).toBe(302);
			const location = response.headers.get('location') ?? '';
			expect(location.startsWith(h.sandbox.cdnUrl)).toBe(true);
			const file = await fetch(location);
			const body = Buffer.from(await file.arrayBuffer());
			expect(body.equals(recordingChunk(id, 0, 300_000))).toBe(true);
			expect((await h.admin.requests('cdn')).at(-1)).toMatchObject({ hadAuthorization: false, status: 200 });
		});

		it('is not served in the v2 dialect', async () => {
			const { url } = await uploadedRecording();
			await h.admin.setApi('v2');
			const response = await download(url, h.token);
			expect(response.status).toBe(404);
			expect(await response.json()).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } });
		});
	});
});
