/**
 * The trigger's cost at rest and its memory over time: requests per poll when nothing
 * happened, and the size of the state n8n stores for it after 1,000 and 10,000 events.
 * In-process: the real trigger polled through n8n-core's PollContext (`runPoll`).
 */
import type { IDataObject } from 'n8n-workflow';

import type { TriggerEvent } from '../nodes/ZohoMeetingTrigger/pollState';
import { PACKAGE_NAME, runPoll, ZOHO_CREDENTIAL_TYPE } from '../test/harness';
import { SANDBOX_CREDENTIAL, type SandboxSession } from '../test/helpers/sandboxWorkflow';
import { formatValue, type Figure, type Section } from './report';

const TRIGGER_TYPE = `${PACKAGE_NAME}.zohoMeetingTrigger`;
const CHECKPOINTS = [1_000, 10_000];
/** Events per poll, and virtual time between polls: 8 every 2 hours, 96 a day. */
const PER_POLL = 8;
const POLL_EVERY_MINUTES = 120;
const LOOK_BACK_HOURS = 24;

const zohoTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface EventRun {
	event: TriggerEvent;
	idlePollRequests: number;
	stateBytes: Record<number, number>;
	stateIds: Record<number, number>;
	emitted: number;
	duplicates: number;
}

async function runEvent(session: SandboxSession, event: TriggerEvent, log: (line: string) => void): Promise<EventRun> {
	const admin = session.admin;
	await admin.reset({ limits: { perWindow: 1e9, perDay: 1e9 } });
	const staticData: IDataObject = {};
	const poll = async () =>
		await runPoll({
			node: {
				name: 'Zoho Meeting Trigger',
				type: TRIGGER_TYPE,
				parameters: { event, options: { lookBackWindow: LOOK_BACK_HOURS } },
				credentials: { [ZOHO_CREDENTIAL_TYPE]: SANDBOX_CREDENTIAL },
			},
			mode: 'trigger',
			credentials: session.credentials,
			staticData,
		});
	const listPath = event === 'meetingCompleted' ? '/api/v2/meetings' : '/api/v2/recordings';
	const requestsOf = async (run: () => Promise<unknown>) => {
		await admin.clearRequests();
		await run();
		return (await admin.requests('api')).filter((r) => r.path === listPath).length;
	};

	// The first poll of an activated workflow only remembers what is already there.
	await poll();
	const seen = new Set<string>();
	const run: EventRun = { event, idlePollRequests: 0, stateBytes: {}, stateIds: {}, emitted: 0, duplicates: 0 };
	const target = CHECKPOINTS[CHECKPOINTS.length - 1];
	// Starts on a fixed grid (the virtual clock also moves with real time), so that every
	// window holds the same number of them.
	const { nowMs: startedAt } = await admin.clock();
	let gridEnd = Math.floor(startedAt / 3_600_000) * 3_600_000;
	while (run.emitted < target) {
		await admin.advanceClock(POLL_EVERY_MINUTES * 60);
		gridEnd += POLL_EVERY_MINUTES * 60_000;
		// Evenly spread starts, all in the past, every one of them eligible at once.
		const starts = Array.from({ length: PER_POLL }, (_, i) => gridEnd - (POLL_EVERY_MINUTES - (i * POLL_EVERY_MINUTES) / PER_POLL) * 60_000);
		if (event === 'meetingCompleted') {
			await admin.seed({
				meetings: starts.map((start, i) => ({ topic: `Bench ${run.emitted + i}`, start_time: zohoTime(start), duration: 10, status: 'completed' })),
			});
		} else {
			await admin.seed({ recordings: starts.map((start) => ({ start_time: zohoTime(start), duration: 10, status: 'available' })) });
		}
		const { items } = await poll();
		for (const item of items?.[0] ?? []) {
			const id = String(item.json.meeting_key ?? item.json.recording_id);
			if (seen.has(id)) run.duplicates++;
			seen.add(id);
			run.emitted++;
		}
		for (const checkpoint of CHECKPOINTS) {
			if (run.emitted === checkpoint) {
				const state = staticData['node:Zoho Meeting Trigger'] as { pollState?: { seen?: object } };
				run.stateBytes[checkpoint] = Buffer.byteLength(JSON.stringify(state));
				run.stateIds[checkpoint] = Object.keys(state.pollState?.seen ?? {}).length;
				log(`${event}: ${checkpoint} events emitted, stored state ${run.stateBytes[checkpoint]} bytes (${run.stateIds[checkpoint]} IDs)`);
			}
		}
	}
	run.idlePollRequests = await requestsOf(poll);
	log(`${event}: idle poll made ${run.idlePollRequests} request(s)`);
	return run;
}

export async function measureTrigger(session: SandboxSession, log: (line: string) => void): Promise<Section> {
	const runs: EventRun[] = [];
	for (const event of ['recordingAvailable', 'meetingCompleted'] as TriggerEvent[]) runs.push(await runEvent(session, event, log));

	const section: Section = {
		title: '5. Trigger',
		columns: ['Event', 'Figure', 'Measured'],
		rows: [],
		figures: [],
		how: [
			`In-process: the real trigger polled through n8n-core's \`PollContext\` (\`runPoll\` in \`test/harness\`), with one static-data object across polls as in an active workflow, against the sandbox and its virtual clock. Look-Back Window ${LOOK_BACK_HOURS} hours; between polls the clock moves ${POLL_EVERY_MINUTES} minutes and ${PER_POLL} new eligible objects appear (available recordings, or completed meetings), starts spread evenly, i.e. ${(PER_POLL * 24 * 60) / POLL_EVERY_MINUTES} a day. The run continues until ${CHECKPOINTS[CHECKPOINTS.length - 1].toLocaleString('en-US')} events were emitted, each exactly once (checked).`,
			'"Stored state" is the JSON n8n persists for the node (`staticData["node:<name>"]`), measured at each checkpoint. It holds the IDs that can still be listed again (those that started within the window), so it depends on the events per window, not on how many came before. An idle poll is one more poll after the last one with nothing new; it lists the window, which costs ⌈objects that started in it ÷ 100⌉ requests: here fewer than 100 did, so one.',
		],
	};
	for (const run of runs) {
		const [first, last] = CHECKPOINTS;
		const equal = run.stateBytes[first] === run.stateBytes[last];
		section.rows.push(
			{ cells: [run.event, 'Requests per idle poll', String(run.idlePollRequests)], goal: '1', met: run.idlePollRequests === 1 },
			{
				cells: [
					run.event,
					`Stored state after ${first.toLocaleString('en-US')} / ${last.toLocaleString('en-US')} events`,
					`${formatValue(run.stateBytes[first], 'bytes')} (${run.stateIds[first]} IDs) / ${formatValue(run.stateBytes[last], 'bytes')} (${run.stateIds[last]} IDs)`,
				],
				goal: 'equal',
				met: equal,
			},
			{ cells: [run.event, 'Events emitted twice', String(run.duplicates)], goal: '0', met: run.duplicates === 0 },
		);
		const figures: Figure[] = [
			{ key: `trigger.${run.event}.idle`, label: `Trigger (${run.event}): requests per idle poll`, value: run.idlePollRequests, unit: 'requests', goal: '1', met: run.idlePollRequests === 1 },
			...CHECKPOINTS.map((checkpoint) => ({
				key: `trigger.${run.event}.state${checkpoint}`,
				label: `Trigger (${run.event}): stored state after ${checkpoint.toLocaleString('en-US')} events`,
				value: run.stateBytes[checkpoint],
				unit: 'bytes',
				goal: 'equal at both checkpoints',
				met: equal,
			})),
		];
		section.figures.push(...figures);
	}
	return section;
}
