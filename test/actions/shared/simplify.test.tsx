import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { seedHeldMeeting } from '../../helpers/heldMeeting';
import { locator, useSandbox, ZOHO_NODE_NAME, type SandboxSession } from '../../helpers/sandboxWorkflow';

const sandbox = useSandbox();

/** The fields Simplify keeps, as the README and each Simplify description list them. */
const KEPT: Record<string, string[]> = {
	meeting: ['meeting_key', 'topic', 'start_time', 'duration', 'timezone', 'status', 'meeting_url', 'is_recurring', 'presenter'],
	recording: ['recording_id', 'meeting_key', 'topic', 'start_time', 'duration', 'status', 'file_size', 'download_url', 'streaming_url'],
	webinar: ['webinar_key', 'topic', 'start_time', 'duration', 'timezone', 'status', 'webinar_url', 'registration_url'],
	session: ['session_id', 'meeting_key', 'start_time', 'end_time', 'duration', 'participants_count'],
	participant: ['participant_id', 'email', 'name', 'role', 'status', 'join_time', 'leave_time', 'duration'],
};

type Case = [resource: string, operation: string, kind: string, parameters: (sandbox: SandboxSession) => Promise<INodeParameters>];

const heldMeeting = async (sandbox: SandboxSession) => locator('id', await seedHeldMeeting(sandbox));

const CASES: Case[] = [
	['meeting', 'get', 'meeting', async () => ({ meetingKey: await heldMeeting(sandbox) })],
	['meeting', 'getAll', 'meeting', async () => (await sandbox.admin.seed({ meetings: 3 }), { returnAll: true })],
	['recording', 'get', 'recording', async () => ({ recordingId: locator('id', (await sandbox.admin.seed({ recordings: 1 })).recordings[0].recording_id) })],
	['recording', 'getAll', 'recording', async () => (await sandbox.admin.seed({ recordings: 3 }), { returnAll: true })],
	['webinar', 'get', 'webinar', async () => ({ webinarKey: locator('id', (await sandbox.admin.seed({ webinars: 1 })).webinars[0].webinar_key) })],
	['webinar', 'getAll', 'webinar', async () => (await sandbox.admin.seed({ webinars: 3 }), { limit: 2 })],
	['session', 'getAll', 'session', async () => ({ meetingKey: await heldMeeting(sandbox), returnAll: true })],
	['participant', 'getAll', 'participant', async () => ({ meetingKey: await heldMeeting(sandbox), returnAll: true })],
];

const pick = (object: IDataObject, fields: string[]) =>
	Object.fromEntries(fields.filter((field) => field in object).map((field) => [field, object[field]]));

describe('Simplify on Get and Get Many', () => {
	it.each(CASES)('%s > %s keeps the %s fields workflows use most, and asks Zoho the same', async (resource, operation, kind, parameters) => {
		const given = { resource, operation, ...(await parameters(sandbox)) };
		await sandbox.admin.clearRequests();

		const whole = await sandbox.runZoho({ ...given, simplify: false }, { typeVersion: 2 });
		const wholeRequests = await sandbox.apiRequests();
		await sandbox.admin.clearRequests();
		const simple = await sandbox.runZoho(given, { typeVersion: 2 });

		expect(simple.error).toBeUndefined();
		const objects = whole.output(ZOHO_NODE_NAME).map((item) => item.json);
		expect(objects.length).toBeGreaterThan(0);
		expect(objects.every((object) => Object.keys(object).length > KEPT[kind].length)).toBe(true);
		expect(simple.output(ZOHO_NODE_NAME).map((item) => [item.json, item.pairedItem])).toEqual(
			objects.map((object) => [pick(object, KEPT[kind]), { item: 0 }]),
		);
		expect(simple.output(ZOHO_NODE_NAME).map((item) => Object.keys(item.json))).toEqual(objects.map(() => KEPT[kind]));
		expect(await sandbox.apiRequests()).toEqual(wholeRequests);
	});

	it('gets session by session simplified too', async () => {
		const meetingKey = await seedHeldMeeting(sandbox);
		const sessions = await sandbox.runZoho({ resource: 'session', operation: 'getAll', meetingKey: locator('id', meetingKey), returnAll: true });
		const whole = sessions.output(ZOHO_NODE_NAME)[0].json;
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{ resource: 'session', operation: 'get', meetingKey: locator('id', meetingKey), sessionId: locator('list', String(whole.session_id)) },
			{ typeVersion: 2 },
		);

		expect(result.output(ZOHO_NODE_NAME).map((item) => item.json)).toEqual([pick(whole, KEPT.session)]);
		expect(await sandbox.apiRequests()).toEqual([
			{ method: 'GET', path: `/api/v2/meetings/${meetingKey}/sessions/${String(whole.session_id)}`, query: {}, body: null },
		]);
	});

	// n8n fills a parameter a saved workflow lacks with its default: version 1 nodes were saved before Simplify.
	it('gives a version 1 node without the parameter the whole object, and simplifies when it is turned on', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const get = { resource: 'meeting', operation: 'get', meetingKey: locator('id', meetings[0].meeting_key) };

		const old = await sandbox.runZoho(get);
		const turnedOn = await sandbox.runZoho({ ...get, simplify: true });

		expect(old.output(ZOHO_NODE_NAME)[0].json).toEqual(meetings[0]);
		expect(turnedOn.output(ZOHO_NODE_NAME)[0].json).toEqual(pick(meetings[0], KEPT.meeting));
	});

	it.each([
		['false', false],
		[' TRUE ', true],
		['0', false],
	])('reads Simplify %j from an expression as %s', async (text, on) => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'get', meetingKey: locator('id', meetings[0].meeting_key), simplify: '={{ $json.simple }}' },
			{ typeVersion: 2, items: [{ simple: text }] },
		);
		expect(result.output(ZOHO_NODE_NAME)[0].json).toEqual(on ? pick(meetings[0], KEPT.meeting) : meetings[0]);
	});

	it('refuses a Simplify that is not true or false before any request', async () => {
		const { meetings } = await sandbox.admin.seed({ meetings: 1 });
		await sandbox.admin.clearRequests();

		const result = await sandbox.runZoho(
			{ resource: 'meeting', operation: 'get', meetingKey: locator('id', meetings[0].meeting_key), simplify: '={{ $json.simple }}' },
			{ typeVersion: 2, items: [{ simple: 'maybe' }] },
		);

		expect(result.error?.message).toBe('Simplify must be true or false');
		expect(await sandbox.apiRequests()).toEqual([]);
	});
});
