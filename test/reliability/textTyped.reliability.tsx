import type { IDataObject } from 'n8n-workflow';

import { ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';
import { integerCases, textTypedCorpus, type TextTypedGroup } from './corpus';
import { count } from './ledger';
import { useReliabilitySandbox } from './session';

/**
 * Yes/no and whole-number parameters given as text, as spreadsheets and webhooks deliver
 * them (issue 10, finding 4: `Boolean("false")` is true). Every case goes through a real
 * workflow, and the request the sandbox saw must carry what the text means. The values
 * that mean nothing ("yes", "1e3", "0x10") are in the bad-input corpus.
 */
const zoho = useReliabilitySandbox();

const corpus = textTypedCorpus();
const total = corpus.reduce((sum, group) => sum + group.cases.length, 0);

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

/** One meeting or webinar per case, starting in the future, for the operations that act on one. */
async function keysFor(group: TextTypedGroup): Promise<string[]> {
	if (!group.needs) return [];
	const seeds = group.cases.map(() => ({ topic: 'Text-typed', start_time: '2099-06-01T10:00:00Z', duration: 30 }));
	if (group.needs === 'meeting') {
		const { meetings } = await zoho.admin.seed({ meetings: seeds });
		return meetings.map((meeting) => meeting.meeting_key);
	}
	const { webinars } = await zoho.admin.seed({ webinars: seeds });
	return webinars.map((webinar) => webinar.webinar_key);
}

async function check(group: TextTypedGroup): Promise<string[]> {
	await zoho.admin.reset();
	// Hundreds of requests in a row: the rate limits are tested elsewhere.
	await zoho.admin.setLimits({ perWindow: 1_000_000, perDay: 1_000_000 });
	const keys = await keysFor(group);
	await zoho.admin.clearRequests();
	const items = group.cases.map(({ value }, index) => ({ value, key: keys[index] }) as IDataObject);
	// One at a time, so the sandbox sees the requests in item order.
	const parameters = { ...group.parameters, options: { parallelRequests: 1 } };
	const result = await zoho.runZoho(parameters, { items });
	const where = `${group.operation} ${group.field}`;
	if (result.error) return [`${where}: the run failed: ${result.error.message}`];
	const requests = await zoho.admin.requests('api');
	if (requests.length !== group.cases.length) {
		return [`${where}: ${requests.length} requests for ${group.cases.length} items`];
	}
	const problems: string[] = [];
	group.cases.forEach(({ value, means }, index) => {
		const sent = group.sent(requests[index]);
		if (sent === means) count('textValuesReadAsMeant');
		else problems.push(`${where} ${show(value)}: sent ${show(sent)}, means ${show(means)}`);
	});
	// Get Many of an empty list outputs nothing; the others output what Zoho answered.
	if (!group.operation.endsWith('getAll') && result.output(ZOHO_NODE_NAME).length !== group.cases.length) {
		problems.push(`${where}: ${result.output(ZOHO_NODE_NAME).length} output items for ${group.cases.length}`);
	}
	return problems;
}

describe(`text-typed values: ${total} yes/no and whole-number values given as text`, () => {
	it('covers every yes/no and whole-number parameter of the action node', () => {
		const fields = new Set(corpus.map((group) => group.field));
		expect([...fields].sort()).toEqual([
			'Allow Participant Screen Share',
			'Allow Polls',
			'Allow Questions',
			'Allow Recording',
			'Auto Recording',
			'Default Meeting Duration',
			'Duration',
			'Enable Waiting Room',
			'Limit',
			'Max Attendees',
			'Mute Participants on Entry',
			'Notify Participants',
			'Participant Limit',
			'Record Webinar',
			'Recording Enabled',
			'Registration Required',
			'Repeat Interval',
			'Return All',
			'Send Invitation',
			'Waiting Room Enabled',
		]);
	});

	it('sends what each value means', async () => {
		const problems: string[] = [];
		for (const group of corpus) problems.push(...(await check(group)));
		process.stdout.write(`Text-typed values: ${total - problems.length} of ${total} read as meant\n`);
		expect(problems).toEqual([]);
	});

	it("reads the trigger's Look-Back Window given as text as meant", async () => {
		const problems: string[] = [];
		for (const { value, means } of integerCases(1, 2160)) {
			await zoho.admin.clearRequests();
			const before = Date.now();
			await zoho.poll({ event: 'meetingCompleted', options: { lookBackWindow: value as string | number } }, {});
			const after = Date.now();
			// The first poll lists from now minus the window, to the second.
			const [request] = await zoho.admin.requests('api');
			const from = Date.parse(String(request?.query.from_date));
			const window = means * 3_600_000;
			if (from >= Math.floor((before - window) / 1000) * 1000 && from <= after - window) count('textValuesReadAsMeant');
			else problems.push(`Look-Back Window ${show(value)}: from_date ${String(request?.query.from_date)}, not ${means} hours back`);
		}
		expect(problems).toEqual([]);
	});
});
