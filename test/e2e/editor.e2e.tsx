/**
 * The editor, as a person uses it: sign in, start a workflow, add the Zoho Meeting node,
 * look at its resource and operation lists, pick a meeting from the sandbox and then one
 * of its participants (a picker that depends on the meeting chosen above it).
 * Screenshots land in screenshots/.
 */
import { chooseOption, newWorkflowWithZohoAction, openBrowser, optionNames, screenshot, signIn, visibleOptions, type Browser } from './editor';
import { SANDBOX_CLIENT } from '../../scripts/n8n/sandbox';
import { e2eStack, triggerWorkflow } from './stack';

const stack = e2eStack();
let browser: Browser;

beforeAll(async () => {
	browser = await openBrowser();
});

afterAll(async () => {
	await browser?.close();
});

test('the owner signs in', async () => {
	await signIn(browser.page, stack.n8nUrl, stack.owner);
	await browser.page.locator('[data-test-id="main-sidebar-settings"]').waitFor();
});

test('a new workflow gets the Zoho Meeting node, with its resources and operations', async () => {
	const { page } = browser;
	await newWorkflowWithZohoAction(page, stack.n8nUrl, 'Create a meeting', () =>
		screenshot(page, 'editor-zoho-meeting-actions').then(() => undefined),
	);

	// The node details view opens with the sandbox credential already selected.
	await page.locator('[data-test-id="ndv"]').waitFor();
	await expect(page.locator('[data-test-id="node-credentials-select"] input').inputValue()).resolves.toBe(
		stack.credential.name,
	);

	const resources = await optionNames(page, 'resource', 'editor-zoho-meeting-resources');
	expect(resources).toEqual(
		expect.arrayContaining(['Meeting', 'Participant', 'Recording', 'Registration', 'Report', 'Session', 'Settings', 'Webinar']),
	);
	const operations = await optionNames(page, 'operation', 'editor-zoho-meeting-operations');
	expect(operations).toEqual(expect.arrayContaining(['Cancel', 'Create', 'Get', 'Get Many', 'Update']));
	await chooseOption(page, 'operation', 'Get');
});

test("the meeting picker lists the sandbox's meetings", async () => {
	const { page } = browser;
	await stack.sandbox.seed({ meetings: [{ topic: 'Picker: quarterly planning' }, { topic: 'Picker: design review' }] });
	await page.locator('[data-test-id="resource-locator-meetingKey"] [data-test-id="rlc-input"]').click();
	const items = page.locator('[data-test-id="rlc-item"]');
	await items.filter({ hasText: 'Picker: design review' }).waitFor();
	await screenshot(page, 'editor-zoho-meeting-picker');
	const topics = await items.allInnerTexts();
	expect(topics.some((t) => t.startsWith('Picker: quarterly planning'))).toBe(true);

	await items.filter({ hasText: 'Picker: design review' }).click();
	// The picker shows the chosen meeting by its topic.
	const picked = await page
		.locator('[data-test-id="resource-locator-meetingKey"] [data-test-id="rlc-input"]')
		.evaluate((el) => (el as unknown as { value?: string }).value ?? el.querySelector('input')?.value);
	expect(picked).toMatch(/design review/i);
	await screenshot(page, 'editor-zoho-meeting-picked');
});

test("the participant picker lists the chosen meeting's participants, and follows a change of meeting", async () => {
	const { page } = browser;
	const { meetings } = await stack.sandbox.seed({ meetings: [{ topic: 'Dependent: board meeting' }, { topic: 'Dependent: team sync' }] });
	const [board, sync] = meetings;
	await stack.sandbox.seed({
		participants: [
			{ meeting_key: board.meeting_key, email: 'chair@example.com', name: 'Board Chair' },
			{ meeting_key: sync.meeting_key, email: 'dev@example.com', name: 'Team Developer' },
		],
	});
	await chooseOption(page, 'resource', 'Participant');
	await chooseOption(page, 'operation', 'Remove');

	const meetingInput = page.locator('[data-test-id="resource-locator-meetingKey"] [data-test-id="rlc-input"]');
	const participantInput = page.locator('[data-test-id="resource-locator-participantId"] [data-test-id="rlc-input"]');
	const items = page.locator('[data-test-id="rlc-item"]');
	const participantsOf = async (topic: string, expected: string) => {
		await meetingInput.click();
		await items.filter({ hasText: topic }).click();
		await participantInput.click();
		await items.filter({ hasText: expected }).first().waitFor();
		const names = await items.allInnerTexts();
		await page.keyboard.press('Escape');
		return names;
	};

	const ofBoard = await participantsOf('Dependent: board meeting', 'Board Chair');
	await screenshot(page, 'editor-zoho-meeting-dependent-picker');
	expect(ofBoard.some((name) => name.includes('Board Chair'))).toBe(true);
	expect(ofBoard.some((name) => name.includes('Team Developer'))).toBe(false);

	const ofSync = await participantsOf('Dependent: team sync', 'Team Developer');
	expect(ofSync.some((name) => name.includes('Team Developer'))).toBe(true);
	expect(ofSync.some((name) => name.includes('Board Chair'))).toBe(false);
});

test("a new credential connects through the sandbox's consent page and the node runs with it", async () => {
	const { page, context } = browser;
	await stack.sandbox.seed({ meetings: [{ topic: 'Consent: kickoff' }] });
	// Show the consent page this time (npm start and the other tests approve automatically).
	await stack.sandbox.configure({ autoApprove: false });
	try {
		await newWorkflowWithZohoAction(page, stack.n8nUrl, 'Get many meetings');
		await page.locator('[data-test-id="node-credentials-select"]').click();
		await page.locator('[data-test-id="node-credentials-select-item-new"]').click();

		const modal = page.locator('[data-test-id="editCredential-modal"]');
		await modal.locator('[data-test-id="parameter-input-clientId"] input').fill(SANDBOX_CLIENT.clientId);
		await modal.locator('[data-test-id="parameter-input-clientSecret"] input').fill(SANDBOX_CLIENT.clientSecret);
		await modal.locator('[data-test-id="parameter-input-dataCenter"]').click();
		await visibleOptions(page).filter({ hasText: 'Custom' }).click();
		await modal.locator('[data-test-id="parameter-input-accountsUrl"] input').fill(stack.sandboxUrl);
		await modal.locator('[data-test-id="parameter-input-apiUrl"] input').fill(stack.sandboxUrl);
		await screenshot(page, 'editor-credential-form');

		// "Connect" saves the credential and opens the Zoho (here: sandbox) consent page in a popup.
		const popupOpened = context.waitForEvent('page');
		await modal.locator('[data-test-id="oauth-not-connected-banner"] button').first().click();
		const popup = await popupOpened;
		const accept = popup.getByRole('button', { name: 'Accept' });
		await accept.waitFor();
		await screenshot(popup, 'sandbox-consent-page');
		await stack.sandbox.clearRequests();
		const popupClosed = popup.waitForEvent('close');
		await accept.click();
		// n8n's callback page swaps the code for tokens, tells the editor and closes itself.
		await popupClosed;

		const tokenRequests = (await stack.sandbox.requests('oauth')).filter((r) => r.path.endsWith('/oauth/v2/token'));
		expect(tokenRequests).toEqual([expect.objectContaining({ method: 'POST', status: 200 })]);
		await expect(page.locator('[data-test-id="node-credentials-select"] input').inputValue()).resolves.toBe(
			'Zoho Meeting account',
		);

		await page.locator('[data-test-id="node-execute-button"]').click();
		await page.locator('[data-test-id="ndv"]').getByText('Consent: kickoff').first().waitFor();
		await screenshot(page, 'editor-zoho-meeting-output');
	} finally {
		await stack.sandbox.configure({ autoApprove: true });
	}
});

test('the trigger fetches a test event in the editor (manual mode)', async () => {
	const { page } = browser;
	const { recordings } = await stack.sandbox.seed({
		recordings: [{ topic: 'Test event: town hall', start_time: new Date(Date.now() - 3_600_000).toISOString(), status: 'available' }],
	});
	const workflow = triggerWorkflow('e2eTriggerManual', 'E2E: fetch a test event', { event: 'recordingAvailable' });
	await stack.cli.importWorkflows([workflow]);

	await page.goto(`${stack.n8nUrl}/workflow/${workflow.id}`);
	await page.locator('[data-test-id="canvas-node"]', { hasText: 'Zoho Meeting Trigger' }).dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor();
	await page.locator('[data-test-id="node-execute-button"]').click();
	await page.locator('[data-test-id="ndv"]').getByText(recordings[0].recording_id).first().waitFor();
	await screenshot(page, 'editor-zoho-meeting-trigger-test-event');
});
