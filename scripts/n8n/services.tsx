/**
 * Redis and PostgreSQL for n8n's queue mode, from Debian's packages (installed by
 * `npm run n8n:provision`), run as child processes of ours on free loopback ports with
 * their data in a temporary folder: never the system services the packages set up, so a
 * run leaves nothing behind and never meets another run's data.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { cleanEnv, freePort, processAlive, runOrFail, startService, waitFor, type Service } from './processes';
import { postgresBinDir, REDIS_SERVER_BINARY } from './runtime';

const TEMP_PREFIX = 'zoho-n8n-queue-';

/**
 * A temporary folder for one stack's Redis and PostgreSQL data, named after our pid. A
 * run killed before it could clean up leaves its folder; the next run removes the folders
 * whose process is gone (its processes are reaped by `reapOrphans`).
 */
export function makeTempRoot(): string {
	for (const entry of readdirSync(tmpdir())) {
		const owner = Number(entry.startsWith(TEMP_PREFIX) ? entry.slice(TEMP_PREFIX.length).split('-')[0] : NaN);
		if (!Number.isInteger(owner) || owner === process.pid || processAlive(owner)) continue;
		rmSync(path.join(tmpdir(), entry), { recursive: true, force: true });
	}
	const root = mkdtempSync(path.join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
	// PostgreSQL's folder inside belongs to another user (see postgresAccount), who must be
	// able to pass through this one; mkdtemp makes it 0700.
	chmodSync(root, 0o711);
	writeFileSync(path.join(root, 'README'), 'Redis and PostgreSQL data of an n8n queue-mode stack (scripts/n8n/services.tsx)\n');
	return root;
}

export interface RunningRedis {
	host: string;
	port: number;
	service: Service;
	stop(): Promise<void>;
}

/** Sends one inline command and answers the first line of the reply. */
function redisCommand(port: number, command: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('no answer from Redis')));
		socket.once('error', reject);
		socket.once('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) {
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
	});
}

/** Redis without persistence: n8n's queue lives only as long as the stack. */
export async function startRedis(options: { dataDir: string; logFile: string; port?: number }): Promise<RunningRedis> {
	const port = options.port ?? (await freePort());
	mkdirSync(options.dataDir, { recursive: true });
	const service = startService(
		REDIS_SERVER_BINARY,
		[
			'--port', String(port),
			'--bind', '127.0.0.1',
			'--dir', options.dataDir,
			'--save', '',
			'--appendonly', 'no',
			'--daemonize', 'no',
			// Logs to standard output, which goes to logFile.
			'--logfile', '',
		],
		{ name: 'redis', env: cleanEnv(), logFile: options.logFile, stopTimeoutMs: 5000 },
	);
	try {
		await waitFor('Redis to answer PING', async () => ((await redisCommand(port, 'PING')) === '+PONG' ? true : undefined), {
			timeoutMs: 20_000,
			intervalMs: 100,
			service,
		});
	} catch (error) {
		await service.stop();
		throw new Error(`${(error as Error).message} (Redis log: ${options.logFile})`);
	}
	return { host: '127.0.0.1', port, service, stop: () => service.stop() };
}

export interface RunningPostgres {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	service: Service;
	stop(): Promise<void>;
}

interface Account {
	name: string;
	uid: number;
	gid: number;
}

/** A user from /etc/passwd, or undefined. */
function systemUser(name: string): Account | undefined {
	const line = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith(`${name}:`));
	if (!line) return undefined;
	const [, , uid, gid] = line.split(':');
	return { name, uid: Number(uid), gid: Number(gid) };
}

/**
 * Who runs PostgreSQL: the server refuses to run as root ("root execution of the
 * PostgreSQL server is not permitted"), so as root it runs as the `postgres` user that
 * Debian's package creates (else `nobody`); as anyone else, as that user.
 */
function postgresAccount(): Account | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const account = systemUser('postgres') ?? systemUser('nobody');
	if (!account) throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
	return account;
}

/**
 * A new PostgreSQL cluster in `dataDir`, listening on 127.0.0.1 only, with one database
 * and a user with a random password (SCRAM). Durability is switched off: the data lives
 * as long as the stack, and fsync on every commit would slow n8n for nothing.
 */
export async function startPostgres(options: { dataDir: string; logFile: string; port?: number }): Promise<RunningPostgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error("no PostgreSQL server in /usr/lib/postgresql: run npm run n8n:provision (it installs Debian's postgresql)");
	const port = options.port ?? (await freePort());
	const account = postgresAccount();
	const owner = account ? { uid: account.uid, gid: account.gid } : {};
	const user = 'n8n';
	const database = 'n8n';
	const password = randomBytes(18).toString('base64url');

	mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
	const cluster = path.join(options.dataDir, 'cluster');
	const passwordFile = path.join(options.dataDir, 'password');
	writeFileSync(passwordFile, password, { mode: 0o600 });
	if (account) {
		chownSync(options.dataDir, account.uid, account.gid);
		chownSync(passwordFile, account.uid, account.gid);
	}
	const env = { ...cleanEnv(), LC_ALL: 'C' };
	try {
		await runOrFail(
			path.join(bin, 'initdb'),
			['-D', cluster, '-U', user, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'],
			{ env, ...owner, timeoutMs: 60_000 },
		);
	} finally {
		rmSync(passwordFile, { force: true });
	}

	let output = '';
	const service = startService(
		path.join(bin, 'postgres'),
		[
			'-D', cluster,
			'-p', String(port),
			'-c', 'listen_addresses=127.0.0.1',
			// Its socket in the data folder: Debian's /var/run/postgresql may not exist or be ours.
			'-c', `unix_socket_directories=${options.dataDir}`,
			'-c', 'fsync=off',
			'-c', 'synchronous_commit=off',
			'-c', 'full_page_writes=off',
		],
		{
			name: 'postgres',
			env,
			...owner,
			logFile: options.logFile,
			onOutput: (chunk) => {
				output = (output + chunk).slice(-10_000);
			},
		},
	);
	try {
		await waitFor('PostgreSQL to accept connections', async () => (output.includes('ready to accept connections') ? true : undefined), {
			timeoutMs: 60_000,
			intervalMs: 100,
			service,
		});
		await runOrFail(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], {
			env: { ...env, PGPASSWORD: password },
			timeoutMs: 30_000,
		});
	} catch (error) {
		await service.stop();
		throw new Error(`${(error as Error).message} (PostgreSQL log: ${options.logFile})`);
	}
	return { host: '127.0.0.1', port, database, user, password, service, stop: () => service.stop() };
}
