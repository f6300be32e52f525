/**
 * The editor, as a person uses it: sign in, start a workflow, add the Zoho Meeting node,
 * look at its resource and operation lists and pick a meeting from the sandbox.
 * Screenshots land in screenshots/.
 */
import { addNodeFromCreator, openBrowser, optionNames, screenshot, signIn, visibleOptions, type Browser } from './editor';
import { e2eStack } from './stack';

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
	await page.goto(`${stack.n8nUrl}/workflow/new`);
	await addNodeFromCreator(page, 'Manual Trigger');
	await page.keyboard.press('Escape');

	await addNodeFromCreator(page, 'Zoho Meeting');
	const creator = page.locator('[data-test-id="node-creator"]');
	await creator.getByText('Create a meeting', { exact: true }).waitFor();
	await screenshot(page, 'editor-zoho-meeting-actions');
	await creator.getByText('Create a meeting', { exact: true }).click();

	// The node details view opens with the sandbox credential already selected.
	await page.locator('[data-test-id="ndv"]').waitFor();
	await expect(page.locator('[data-test-id="node-credentials-select"] input').inputValue()).resolves.toBe(
		stack.credential.name,
	);

	const resources = await optionNames(page, 'resource');
	await screenshot(page, 'editor-zoho-meeting-resources');
	expect(resources).toEqual(
		expect.arrayContaining(['Meeting', 'Participant', 'Recording', 'Registration', 'Report', 'Session', 'Settings', 'Webinar']),
	);
	await page.keyboard.press('Escape');

	const operations = await optionNames(page, 'operation');
	await screenshot(page, 'editor-zoho-meeting-operations');
	expect(operations).toEqual(expect.arrayContaining(['Cancel', 'Create', 'Get', 'Get Many', 'Update']));
	await visibleOptions(page).filter({ hasText: /^Get\s*Get a meeting/ }).click();
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
