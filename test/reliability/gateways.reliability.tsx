import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Fault } from '../../sandbox/faults';
import { locator } from '../helpers/sandboxWorkflow';
import { count } from './ledger';
import { itemOf, outcomeOf, outputOf } from './hostile';
import { TEST_REQUEST_TIMEOUT_MS, useReliabilitySandbox } from './session';

/**
 * Every operation that must not run twice (the creates, Add Participants, and Approve
 * Registration, which emails the registrant) meets every way a gateway or the network can
 * lose its answer after Zoho may have acted: 502, 504 and a proxy's 503 (as HTML pages and
 * as JSON), answers cut off after any number of bytes, a reset, a lost answer, no answer by
 * the deadline. Three items run at once and one of them meets the fault: every item is sent
 * exactly once, and the one that failed says it may have been done. Zoho's own 503 and a 500
 * are sent once too, without that warning. The transport's waits run 20 times faster
 * (session.ts).
 */
const zoho = useReliabilitySandbox({ fastPolicy: true });

const WARNING = /may have carried out this request before its answer was lost, so it was not sent again/;

/** Faults that may hide a done request, and Zoho's own refusals, which do not. */
const FAULTS: Array<[string, Fault, boolean]> = [
	["a gateway's 502 page", { type: 'html', status: 502 }, true],
	["a proxy's 503 page", { type: 'html', status: 503 }, true],
	["a gateway's 504 page", { type: 'html', status: 504 }, true],
	['502 with a JSON body', { type: 'status', status: 502, body: { message: 'Bad Gateway' } }, true],
	['502 with a Zoho error', { type: 'status', status: 502, code: 'INTERNAL_ERROR' }, true],
	['504 with a JSON body and Retry-After', { type: 'status', status: 504, body: { error: 'timeout' }, headers: { 'Retry-After': '1' } }, true],
	['a 503 that is not JSON', { type: 'status', status: 503, body: 'Service Unavailable' }, true],
	...[1, 5, 17, 40, 120].map((bytes): [string, Fault, boolean] => [`an answer cut off after ${bytes} bytes`, { type: 'truncate', bytes }, true]),
	['a connection reset', { type: 'reset' }, true],
	['a lost answer', { type: 'lostResponse' }, true],
	['an answer after the deadline', { type: 'delay', ms: TEST_REQUEST_TIMEOUT_MS * 1.5 }, true],
	['no answer at all', { type: 'hang' }, true],
	['a 201 with broken JSON', { type: 'malformedJson', status: 201 }, true],
	["Zoho's own 503", { type: 'status', status: 503, code: 'INTERNAL_ERROR' }, false],
	['a 500', { type: 'status', status: 500 }, false],
];

interface OnceOperation {
	name: string;
	method: 'POST' | 'PUT';
	path: string;
	/** Seeds the sandbox; three items, what each one's request names (`names`), and how to read that from a request. */
	prepare(): Promise<{ parameters: INodeParameters; items: IDataObject[]; names: string[]; sent: (body: unknown, path: string) => string }>;
}

/** Create Meeting or Create Webinar of three items, each with its own topic. */
const createOf = (resource: 'meeting' | 'webinar'): OnceOperation => ({
	name: `${resource === 'meeting' ? 'Meeting' : 'Webinar'} > Create`,
	method: 'POST',
	path: `^/api/v2/${resource}s$`,
	prepare: async () => ({
		parameters: { resource, operation: 'create', topic: '={{ $json.name }}', startTime: '2099-01-15T13:00:00Z', duration: 60, timezone: 'UTC' },
		items: ['Alpha', 'Beta', 'Gamma'].map((name) => ({ name })),
		names: ['Alpha', 'Beta', 'Gamma'],
		sent: (body) => String((body as IDataObject).topic),
	}),
});

const OPERATIONS: OnceOperation[] = [
	createOf('meeting'),
	createOf('webinar'),
	{
		name: 'Participant > Add',
		method: 'POST',
		path: '/participants$',
		prepare: async () => {
			const { meetings } = await zoho.admin.seed({ meetings: 1 });
			return {
				parameters: {
					resource: 'participant',
					operation: 'add',
					meetingKey: locator('id', meetings[0].meeting_key),
					participants: { participant: [{ email: '={{ $json.name }}@example.com', name: '={{ $json.name }}' }] },
				},
				items: ['alpha', 'beta', 'gamma'].map((name) => ({ name })),
				names: ['alpha@example.com', 'beta@example.com', 'gamma@example.com'],
				sent: (body) => String(((body as { participants: IDataObject[] }).participants[0] ?? {}).email),
			};
		},
	},
	{
		name: 'Registration > Approve',
		method: 'PUT',
		path: '/approve$',
		prepare: async () => {
			const { webinars, registrations } = await zoho.admin.seed({
				webinars: [{ topic: 'Launch', registration_required: true }],
				registrations: ['alpha', 'beta', 'gamma'].map((name) => ({ email: `${name}@example.com`, name })),
			});
			return {
				parameters: {
					resource: 'registration',
					operation: 'approve',
					webinarKey: locator('id', webinars[0].webinar_key),
					registrationId: '={{ $json.id }}',
				},
				items: registrations.map((registration) => ({ id: registration.registration_id })),
				names: registrations.map((registration) => registration.registration_id),
				sent: (_, path) => path.split('/').slice(-2)[0],
			};
		},
	},
];

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('operations that must not run twice, when a gateway loses the answer', () => {
	it.each(OPERATIONS.map((operation) => [operation.name, operation] as const))(
		'%s: every item sent once, the one that met the fault warns that it may have been done',
		async (_name, operation) => {
			const problems: string[] = [];
			for (const [fault, injected, warns] of FAULTS) {
				await zoho.admin.reset();
				const { parameters, items, names, sent } = await operation.prepare();
				await zoho.admin.injectFault({ method: operation.method, path: operation.path, fault: injected });

				const result = await zoho.runZoho(parameters, { items, continueOnFail: true });
				// A late answer still completes in the sandbox after the node gave up on it.
				if (injected.type === 'delay') await sleep(injected.ms);

				const output = outputOf(result);
				const failed = items.map((__, index) => itemOf(output, index)).filter((item) => item?.error);
				const description = (failed[0]?.error as { description?: string } | undefined)?.description ?? '';
				const requests = (await zoho.admin.requests('api')).filter((request) => request.method === operation.method && new RegExp(operation.path).test(request.path));
				const perItem = requests.map((request) => sent(request.body, request.path)).sort();
				const why = [
					failed.length === 1 ? '' : `${failed.length} items failed: ${failed.map(outcomeOf).join('; ')}`,
					WARNING.test(description) === warns ? '' : `${warns ? 'no' : 'an unwarranted'} warning: ${description}`,
					JSON.stringify(perItem) === JSON.stringify([...names].sort()) ? '' : `sent ${JSON.stringify(perItem)}`,
					requests.length === items.length ? '' : `${requests.length} requests for ${items.length} items`,
				].filter(Boolean);
				if (why.length === 0) count('gatewayCases');
				else problems.push(`${fault}: ${why.join(', ')}`);
			}
			expect(problems).toEqual([]);
		},
	);
});
