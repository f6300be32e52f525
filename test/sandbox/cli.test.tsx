import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';

import { SandboxAdmin } from '../../sandbox/client';
import { recordingByte } from '../../sandbox/recordingBytes';

const ROOT = join(__dirname, '..', '..');
const GiB = 1024 ** 3;

/** `npm run sandbox` without npm in between, so that signals reach the sandbox itself. */
function startCli(env: Record<string, string>, args: string[] = []): ChildProcess {
	return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'sandbox/main.tsx', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

function output(child: ChildProcess, until: RegExp): Promise<string> {
	return new Promise((resolve, reject) => {
		let text = '';
		const onData = (chunk: Buffer) => {
			text += chunk.toString();
			if (until.test(text)) resolve(text);
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.on('exit', (code) =>
			until.test(text) ? resolve(text) : reject(new Error(`exited ${code}: ${text}`)),
		);
	});
}

const exitCode = (child: ChildProcess) =>
	new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

/** Peak resident memory of a process so far (Linux only). */
const peakRssBytes = (pid: number) =>
	Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;

/** Streams a body, keeping only its length and the bytes at some offsets. */
function probe(url: string, headers: Record<string, string>, offsets: number[]) {
	return new Promise<{ length: number; bytes: number[] }>((resolve, reject) => {
		get(url, { headers }, (res) => {
			let length = 0;
			const bytes: number[] = [];
			res.on('data', (chunk: Buffer) => {
				for (const offset of offsets) {
					if (offset >= length && offset < length + chunk.length) {
						bytes.push(chunk[offset - length]);
					}
				}
				length += chunk.length;
			});
			res.on('end', () => resolve({ length, bytes }));
			res.on('error', reject);
		}).on('error', reject);
	});
}

describe('npm run sandbox (sandbox/main.tsx)', () => {
	it('starts from the environment, serves a 1 GiB recording in bounded memory and stops on SIGTERM', async () => {
		const child = startCli({
			ZOHO_SANDBOX_PORT: '0',
			ZOHO_SANDBOX_AUTO_APPROVE: '1',
			ZOHO_SANDBOX_PLAN: 'free',
			ZOHO_SANDBOX_TOKEN_TTL: '120',
		});
		try {
			const banner = await output(child, /Recording CDN/);
			const url =
				/Zoho Meeting sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? '';
			expect(url).not.toBe('');
			expect(banner).toContain('OAuth client id:     sandbox-client-id');
			expect(banner).toContain('OAuth client secret: sandbox-client-secret');

			const admin = new SandboxAdmin(url);
			expect(await admin.config()).toMatchObject({
				plan: 'free',
				autoApprove: true,
				tokenTtlSeconds: 120,
			});
			const { access_token } = await admin.issueTokens();
			const [recording] = (await admin.seed({ recordings: [{ file_size: GiB }] })).recordings;

			const canMeasure = existsSync(`/proc/${child.pid}/status`);
			const before = canMeasure ? peakRssBytes(child.pid ?? 0) : 0;
			const offsets = [0, 7, GiB / 2 + 3, GiB - 1];
			const result = await probe(
				`${url}/api/v2/recordings/${recording.recording_id}/download`,
				{ Authorization: `Bearer ${access_token}` },
				offsets,
			);
			expect(result.length).toBe(GiB);
			expect(result.bytes).toEqual(
				offsets.map((offset) => recordingByte(recording.recording_id, offset)),
			);
			if (canMeasure) expect(peakRssBytes(child.pid ?? 0) - before).toBeLessThan(128 * 1024 ** 2);

			const exited = exitCode(child);
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			child.kill('SIGKILL');
		}
	});

	it('refuses a plan it does not know', async () => {
		const child = startCli({ ZOHO_SANDBOX_PORT: '0', ZOHO_SANDBOX_PLAN: 'gold' });
		const [text, code] = await Promise.all([output(child, /ZOHO_SANDBOX_PLAN/), exitCode(child)]);
		expect(code).toBe(1);
		expect(text).toContain('ZOHO_SANDBOX_PLAN must be free, standard, professional or enterprise');
	});

	it('starts in the organization dialect with --api=organization, and says so', async () => {
		const child = startCli({ ZOHO_SANDBOX_PORT: '0' }, ['--api=organization']);
		try {
			const banner = await output(child, /Recording CDN/);
			expect(banner).toContain('API dialect:         organization (');
			const url = /listening on (http:\/\/[\d.:]+)/.exec(banner)?.[1] ?? '';
			expect((await new SandboxAdmin(url).config()).api).toBe('organization');
		} finally {
			child.kill('SIGKILL');
		}
	});

	it('refuses a dialect it does not know', async () => {
		const child = startCli({ ZOHO_SANDBOX_PORT: '0', ZOHO_SANDBOX_API: 'soap' });
		const [text, code] = await Promise.all([output(child, /must be/), exitCode(child)]);
		expect(code).toBe(1);
		expect(text).toContain('--api (or ZOHO_SANDBOX_API) must be v2 or organization, not "soap"');
	});
});
