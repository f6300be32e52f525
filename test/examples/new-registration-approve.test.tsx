import type { IDataObject, INode } from 'n8n-workflow';

import { runPoll, runWorkflow } from '../harness';
import { exampleWorkflow } from '../helpers/examples';
import { useSandbox } from '../helpers/sandboxWorkflow';

const sandbox = useSandbox();
const workflow = exampleWorkflow('new-registration-approve.json');
const triggerNode = workflow.nodes.find((node) => node.name === 'New Registration') as INode;

const daysAhead = async (days: number) =>
	new Date((await sandbox.admin.clock()).nowMs + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('examples/new-registration-approve.json', () => {
	test('each new registration for an upcoming webinar is approved, once', async () => {
		const staticData: IDataObject = {};
		const poll = async () => await runPoll({ node: triggerNode, credentials: sandbox.credentials, staticData });
		const { webinars } = await sandbox.admin.seed({
			webinars: [{ topic: 'Product Launch', start_time: await daysAhead(2), registration_required: true }],
		});
		const [webinar] = webinars;
		await sandbox.admin.seed({ registrations: [{ webinar_key: webinar.webinar_key, email: 'before@example.com' }] });
		expect((await poll()).items).toBeNull();

		const { registrations } = await sandbox.admin.seed({
			registrations: [
				{ webinar_key: webinar.webinar_key, email: 'jane@example.com', name: 'Jane' },
				{ webinar_key: webinar.webinar_key, email: 'max@example.com', name: 'Max' },
			],
		});
		await sandbox.admin.clearRequests();
		const { items } = await poll();
		const result = await runWorkflow({ workflow, mode: 'trigger', inputItems: items?.[0], credentials: sandbox.credentials });

		expect(result.error).toBeUndefined();
		expect(result.output('Approve Registration').map((item) => item.json)).toEqual(
			registrations.map((registration) =>
				expect.objectContaining({ success: true, registration_id: registration.registration_id, status: 'approved' }),
			),
		);
		const approvals = (await sandbox.apiRequests()).filter((request) => request.method === 'PUT');
		expect(approvals.map((request) => request.path)).toEqual(
			registrations.map((r) => `/api/v2/webinars/${webinar.webinar_key}/registrations/${r.registration_id}/approve`),
		);
		// The registration that was there before is not approved; nothing comes out twice.
		expect((await poll()).items).toBeNull();
	});
});
