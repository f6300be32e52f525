/**
 * The links n8n shows beside the nodes and the credential (the codex files'
 * `resources`, the credential's `documentationUrl`) lead to this package's own docs on
 * GitHub, and the README section or file each one names exists: a renamed heading
 * would otherwise turn the link into the top of the README without anyone noticing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ZohoMeetingOAuth2Api } from '../../credentials/ZohoMeetingOAuth2Api.credentials';

const ROOT = path.resolve(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	repository: { url: string };
};
// git+https://github.com/<owner>/<name>.git
const REPOSITORY = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const BRANCH = 'main';

interface Codex {
	resources: Record<string, Array<{ url: string }>>;
}

function codexLinks(): Array<[string, string]> {
	const links: Array<[string, string]> = [];
	for (const dir of readdirSync(path.join(ROOT, 'nodes'))) {
		for (const file of readdirSync(path.join(ROOT, 'nodes', dir)).filter((f) => f.endsWith('.node.json'))) {
			const codex = JSON.parse(readFileSync(path.join(ROOT, 'nodes', dir, file), 'utf8')) as Codex;
			for (const [kind, entries] of Object.entries(codex.resources)) {
				for (const { url } of entries) links.push([`${file} ${kind}`, url]);
			}
		}
	}
	return links;
}

/** The anchor GitHub gives a Markdown heading. */
function githubSlug(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function anchorsOf(markdownFile: string): string[] {
	// A `# comment` line in a fenced code block is no heading.
	const text = readFileSync(markdownFile, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
	return [...text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => githubSlug(m[1]));
}

/** The file in the repository a GitHub link shows, and the heading anchor, if any. */
function target(url: string): { file: string; anchor?: string } {
	const [page, anchor] = url.split('#');
	if (page === REPOSITORY) return { file: 'README.md', anchor };
	const blob = `${REPOSITORY}/blob/${BRANCH}/`;
	if (!page.startsWith(blob)) throw new Error(`${url} is neither the README nor a file on ${BRANCH}`);
	return { file: page.slice(blob.length), anchor };
}

const links: Array<[string, string]> = [
	['credential documentationUrl', new ZohoMeetingOAuth2Api().documentationUrl],
	...codexLinks(),
];

test('both nodes and the credential have documentation links', () => {
	expect(links.map(([where]) => where)).toEqual(
		expect.arrayContaining([
			'credential documentationUrl',
			'ZohoMeeting.node.json primaryDocumentation',
			'ZohoMeeting.node.json credentialDocumentation',
			'ZohoMeetingTrigger.node.json primaryDocumentation',
			'ZohoMeetingTrigger.node.json credentialDocumentation',
		]),
	);
});

test.each(links)('%s points at a section of this repository that exists: %s', (_where, url) => {
	expect(url.startsWith(`${REPOSITORY}#`) || url.startsWith(`${REPOSITORY}/blob/${BRANCH}/`)).toBe(true);
	const { file, anchor } = target(url);
	const local = path.join(ROOT, file);
	expect(existsSync(local)).toBe(true);
	if (anchor) expect(anchorsOf(local)).toContain(anchor);
});

test('the slug rule matches GitHub on the headings linked here', () => {
	expect(githubSlug('Connecting Zoho')).toBe('connecting-zoho');
	expect(githubSlug('What "exactly once" covers')).toBe('what-exactly-once-covers');
	expect(githubSlug('How often it polls, and what a poll costs')).toBe('how-often-it-polls-and-what-a-poll-costs');
});
