import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ZOHO_NODE_NAME } from '../helpers/sandboxWorkflow';
import { badInputCorpus, type BadInputGroup } from './corpus';
import { DIALECTS } from './dialects';
import { count } from './ledger';
import { type ReliabilitySandbox, useReliabilitySandbox } from './session';

/**
 * Every bad value of the corpus, through a real workflow: it must end in a
 * NodeOperationError that names the field, before any request (so a key that would
 * change the path never reaches the sandbox), and never crash the node or the run. In
 * both dialects: the organization dialect refuses what it does not offer only after the
 * parameters passed their checks, so a bad value is named there too.
 */
const corpus = badInputCorpus();
const total = corpus.reduce((sum, group) => sum + group.values.length, 0);

/** "Look-Back Window" is named "Look Back Window": compare letters and digits only. */
const normalized = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function reject(): void {
	count('badInputsRejected');
}

const show = (value: unknown) => {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** Why an error does not meet the bar, or undefined when it does. */
function verdict(error: unknown, field: string): string | undefined {
	if (!(error instanceof NodeOperationError)) {
		const name = (error as Error | undefined)?.constructor?.name ?? 'no error';
		return `${name}: ${(error as Error | undefined)?.message ?? 'accepted'}`;
	}
	const said = `${error.message} ${error.description ?? ''}`;
	if (!normalized(said).includes(normalized(field))) return `does not name ${field}: ${error.message}`;
	return undefined;
}

function checkItems(group: BadInputGroup, items: INodeExecutionData[]): string[] {
	const problems: string[] = [];
	group.values.forEach((value, index) => {
		const item = items.find((candidate) => (candidate.pairedItem as { item: number }).item === index);
		const why = item ? verdict(item.error, group.field) : 'no output item';
		if (why) problems.push(`${group.operation} ${group.field} ${show(value)}: ${why}`);
		else reject();
	});
	return problems;
}

/** The trigger has no input items: each bad value is set on the node itself and polled. */
async function checkTrigger(zoho: ReliabilitySandbox, group: BadInputGroup): Promise<string[]> {
	const problems: string[] = [];
	for (const value of group.values) {
		const parameters = JSON.parse(
			JSON.stringify(group.parameters).replace('"={{ $json.value }}"', JSON.stringify(value) ?? 'null'),
		) as INodeParameters;
		let why: string | undefined;
		try {
			await zoho.poll(parameters, {});
			why = 'accepted';
		} catch (error) {
			why = verdict(error, group.field);
		}
		if (why) problems.push(`${group.operation} ${group.field} ${show(value)}: ${why}`);
		else reject();
	}
	return problems;
}

describe.each(DIALECTS)('%s dialect', (api) => {
	const zoho = useReliabilitySandbox({ api });

	describe(`bad input: ${total} values across every operation`, () => {
		it('generates at least 300 bad values, reaching every resource and the trigger', () => {
			expect(total).toBeGreaterThanOrEqual(300);
			const resources = new Set(corpus.map((group) => group.operation.split('.')[0]));
			expect([...resources].sort()).toEqual([
				'meeting',
				'participant',
				'recording',
				'registration',
				'report',
				'session',
				'settings',
				'trigger',
				'webinar',
			]);
		});

		it('rejects each with a NodeOperationError naming the field, before any request, without a crash', async () => {
			const problems: string[] = [];
			let reachedSandbox = 0;
			for (const group of corpus) {
				if (group.operation === 'trigger') {
					problems.push(...(await checkTrigger(zoho, group)));
				} else {
					const result = await zoho.runZoho(group.parameters, {
						items: group.values.map((value) => ({ value }) as IDataObject),
						continueOnFail: true,
					});
					if (result.error) problems.push(`${group.operation} ${group.field}: the run failed: ${result.error.message}`);
					else problems.push(...checkItems(group, result.output(ZOHO_NODE_NAME)));
				}
				const requests = await zoho.admin.requests('api');
				if (requests.length > 0) {
					reachedSandbox += requests.length;
					const paths = requests.map((request) => `${request.method} ${request.path}`);
					problems.push(`${group.operation} ${group.field}: ${requests.length} requests reached the sandbox: ${paths.slice(0, 3).join(', ')}`);
					await zoho.admin.clearRequests();
				}
			}
			process.stdout.write(`Bad input (${api}): ${total - problems.length} of ${total} values rejected\n`);
			expect(problems).toEqual([]);
			expect(reachedSandbox).toBe(0);
		});

		it('stops the workflow with the same NodeOperationError when Continue On Fail is off', async () => {
			const problems: string[] = [];
			for (const group of corpus.filter((candidate) => candidate.operation !== 'trigger')) {
				const result = await zoho.runZoho(group.parameters, { items: [{ value: group.values[0] } as IDataObject] });
				const error = result.error;
				if (error?.name !== 'NodeOperationError') problems.push(`${group.operation}: ${error?.name} ${error?.message}`);
				else if (!normalized(`${error.message} ${error.description ?? ''}`).includes(normalized(group.field))) {
					problems.push(`${group.operation}: does not name ${group.field}: ${error.message}`);
				}
			}
			expect(problems).toEqual([]);
			expect(await zoho.admin.requests('api')).toEqual([]);
		});
	});
});
