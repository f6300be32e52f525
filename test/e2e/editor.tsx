/**
 * Headless Debian Chromium driven by playwright-core, for the editor tests. Never a
 * downloaded browser: the machine reaches only the npm and Debian registries.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { CHROMIUM_BINARY, PROJECT_ROOT } from '../../scripts/n8n/runtime';

export const SCREENSHOTS_DIR = path.join(PROJECT_ROOT, 'screenshots');

/**
 * Without the background-networking flags Chromium keeps trying Google's services, which
 * this closed network refuses, many times a second.
 */
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Browser {
	page: Page;
	context: BrowserContext;
	close(): Promise<void>;
}

/** A browser with an empty profile of its own, removed on close. */
export async function openBrowser(): Promise<Browser> {
	const userDataDir = mkdtempSync(path.join(tmpdir(), 'zoho-e2e-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_BINARY,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1400, height: 900 },
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		page,
		context,
		async close() {
			await context.close();
			rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(SCREENSHOTS_DIR, { recursive: true });
	const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
	await page.screenshot({ path: file });
	return file;
}

/** n8n's sign-in form. */
export async function signIn(page: Page, baseUrl: string, owner: { email: string; password: string }): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('#emailOrLdapLoginId').fill(owner.email);
	await page.locator('#password').fill(owner.password);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** Searches the node creator (opened by the canvas's + button) and picks the first hit. */
export async function addNodeFromCreator(page: Page, search: string): Promise<void> {
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	// The search field takes the focus once the creator has opened.
	await page.locator('[data-test-id="node-creator-search-bar"]').waitFor();
	await page.keyboard.type(search);
	await page.locator('[data-test-id="node-creator-item-name"]', { hasText: search }).first().click();
}

/**
 * A new workflow with a Manual Trigger and a Zoho Meeting node for `action` (its name in
 * the node creator, e.g. "Create a meeting"), left open in the node details view.
 */
export async function newWorkflowWithZohoAction(
	page: Page,
	baseUrl: string,
	action: string,
	beforePick?: () => Promise<void>,
): Promise<void> {
	await page.goto(`${baseUrl}/workflow/new`);
	await addNodeFromCreator(page, 'Manual Trigger');
	await page.keyboard.press('Escape');
	await addNodeFromCreator(page, 'Zoho Meeting');
	const item = page.locator('[data-test-id="node-creator"]').getByText(action, { exact: true });
	await item.waitFor();
	await beforePick?.();
	await item.click();
	await page.locator('[data-test-id="ndv"]').waitFor();
}

/**
 * Opens an options parameter's dropdown, reads the option names (without their
 * descriptions), optionally screenshots the open list, and closes it again.
 */
export async function optionNames(page: Page, parameter: string, screenshotName?: string): Promise<string[]> {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	const options = visibleOptions(page);
	await options.first().waitFor();
	// Read them in one go in the page: the list re-renders while it settles.
	const names = await options.evaluateAll((elements) =>
		// An option shows its name as a headline above its description, when it has one.
		elements.map((e) => (e.querySelector('.option-headline') ?? e).textContent?.trim() ?? ''),
	);
	if (screenshotName) await screenshot(page, screenshotName);
	await page.keyboard.press('Escape');
	// The list fades out; until it is gone its options would mix with the next list's.
	await options.first().waitFor({ state: 'hidden' });
	return names;
}

/** Picks the option whose name (headline) is `name`. */
export async function chooseOption(page: Page, parameter: string, name: string): Promise<void> {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	const headline = visibleOptions(page).locator('.option-headline').getByText(name, { exact: true });
	await headline.click();
	await visibleOptions(page).first().waitFor({ state: 'hidden' });
}

export function visibleOptions(page: Page): Locator {
	return page.locator('[role="option"]:visible');
}
