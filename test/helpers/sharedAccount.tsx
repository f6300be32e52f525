/**
 * Several n8n processes (queue-mode workers) calling one Zoho account, simulated on a
 * virtual clock so that minutes of rate-limit windows take milliseconds. Each process has
 * its own AccountBudget, as each worker has, and sends through the transport's real
 * exchange (`sendWire`: the budget, the retry policy, the waits after a 429) to a server
 * that limits the account with the sandbox's own limiter (sandbox/rateLimit.tsx), behind a
 * network delay. Nothing is shared between the processes but that server.
 */
import type { INode } from 'n8n-workflow';

import type { Clock } from '../../nodes/ZohoMeeting/transport/clock';
import { zohoErrorOf } from '../../nodes/ZohoMeeting/transport/errors';
import { sendWire } from '../../nodes/ZohoMeeting/transport/exchange';
import { AccountBudget } from '../../nodes/ZohoMeeting/transport/rateLimit';
import type { RawResponse, RequestChannel } from '../../nodes/ZohoMeeting/transport/channel';
import { RequestSlots } from '../../nodes/ZohoMeeting/transport/slots';
import { RateLimiter } from '../../sandbox/rateLimit';
import { random } from './random';

const START = Date.UTC(2026, 0, 5, 9, 0, 0, 300);
const API_URL = 'https://meeting.zoho.com/api/v2';
const NODE: INode = { id: 'sim', name: 'Zoho Meeting', type: 'zohoMeeting', typeVersion: 2, position: [0, 0], parameters: {} };

/**
 * Time that moves only when every process is waiting: the next timer fires, then all the
 * promise work it causes settles before time moves again.
 */
export class VirtualTime {
	now = START;
	private timers: Array<{ at: number; order: number; fire: () => void }> = [];
	private order = 0;

	readonly clock: Clock = {
		now: () => this.now,
		sleep: async (ms, signal) => await this.sleep(ms, signal),
		deadline: (ms) => {
			const controller = new AbortController();
			this.at(this.now + ms, () => controller.abort(new Error('deadline')));
			return controller.signal;
		},
	};

	at(time: number, fire: () => void): () => void {
		const timer = { at: Math.max(time, this.now), order: this.order++, fire };
		const index = this.timers.findIndex((t) => t.at > timer.at);
		this.timers.splice(index < 0 ? this.timers.length : index, 0, timer);
		return () => {
			const i = this.timers.indexOf(timer);
			if (i >= 0) this.timers.splice(i, 1);
		};
	}

	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		signal?.throwIfAborted();
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				cancel();
				reject(signal?.reason);
			};
			const cancel = this.at(this.now + Math.max(0, ms), () => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			});
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	/** Runs until `work` settles, firing timers in order whenever nothing else can happen. */
	async run<T>(work: Promise<T>): Promise<T> {
		let done = false;
		const settled = work.finally(() => (done = true));
		for (;;) {
			await new Promise((resolve) => setImmediate(resolve));
			if (done) return await settled;
			const next = this.timers.shift();
			if (!next) throw new Error('simulation stuck: nothing is waiting on time and the work has not finished');
			this.now = next.at;
			next.fire();
		}
	}
}

export interface SimulatedProcess {
	/** Calls (one Get Meeting each) the process makes, all of one node run. */
	calls: number;
	/** Parallel Requests of the run. */
	parallel?: number;
	/** When the run starts, in ms after the simulation's start. */
	startMs?: number;
	/** The budget to use: a process that ran before keeps its own (accounts.ts). */
	budget?: AccountBudget;
}

export interface SharedAccountOptions {
	perWindow: number;
	windowSeconds: number;
	/** The server's delay before it counts and answers a call (the sandbox's latency). */
	latencyMs: number;
	/** Extra random delay of each call on the way there, up to this (the processes' own work). */
	spreadMs?: number;
	seed: number;
	processes: SimulatedProcess[];
	/** The time to run on: a later simulation on the same one continues where the last ended. */
	time?: VirtualTime;
}

export interface ProcessOutcome {
	budget: AccountBudget;
	succeeded: number;
	failed: number;
	errors: string[];
	/** From the run's start to its last answer. */
	ms: number;
}

export interface SharedAccountResult {
	processes: ProcessOutcome[];
	/** Calls the server counted, and calls it refused with 429. */
	counted: number;
	refused: number;
	/** Counted calls in each window, in order. */
	windows: number[];
	/** From the first call to the last answer. */
	ms: number;
}

/** Runs the processes against one account and reports what the server saw. */
export async function simulateSharedAccount(options: SharedAccountOptions): Promise<SharedAccountResult> {
	const time = options.time ?? new VirtualTime();
	const rng = random(options.seed);
	const limiter = new RateLimiter(
		() => ({ perWindow: options.perWindow, windowSeconds: options.windowSeconds, perDay: 1_000_000 }),
		() => time.now,
	);
	const log: Array<{ at: number; allowed: boolean }> = [];
	const windowStarts: number[] = [];
	let windowEnd = -Infinity;

	/**
	 * One call on the wire: the delay there, the limiter's verdict, an answer or a 429 error
	 * as n8n throws it. The exchange's signal (its deadline) ends it on the way, as it ends
	 * n8n's request.
	 */
	const serve = async (signal: AbortSignal | undefined): Promise<RawResponse> => {
		await time.sleep(options.latencyMs + rng.next() * (options.spreadMs ?? 0), signal);
		const verdict = limiter.consume('account');
		log.push({ at: time.now, allowed: verdict.allowed });
		if (verdict.allowed && time.now >= windowEnd) {
			windowStarts.push(time.now);
			windowEnd = time.now + options.windowSeconds * 1000;
		}
		const headers = Object.fromEntries(Object.entries(verdict.headers).map(([name, value]) => [name.toLowerCase(), value]));
		await time.sleep(rng.next() * 2);
		if (verdict.allowed) return { statusCode: 200, headers, body: { meeting: {} } };
		const data = { status: 'error', error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' } };
		throw Object.assign(new Error('Request failed with status code 429'), { response: { status: 429, headers, data } });
	};

	const runProcess = async (process: SimulatedProcess): Promise<ProcessOutcome> => {
		const budget = process.budget ?? new AccountBudget(time.clock);
		const outcome: ProcessOutcome = { budget, succeeded: 0, failed: 0, errors: [], ms: 0 };
		await time.sleep(process.startMs ?? 0);
		const started = time.now;
		const channel = simulatedChannel(time.clock, budget, new RequestSlots(process.parallel ?? 20), serve);
		const calls = Array.from({ length: process.calls }, async (_, itemIndex) => {
			try {
				await sendWire(channel, { wire: { method: 'GET', path: `/meetings/${itemIndex}` }, itemIndex, idempotent: true, stream: false, rules: RULES });
				outcome.succeeded++;
			} catch (error) {
				outcome.failed++;
				outcome.errors.push((error as Error).message);
			}
		});
		await Promise.all(calls);
		outcome.ms = time.now - started;
		return outcome;
	};

	const started = time.now;
	const processes = await time.run(Promise.all(options.processes.map(runProcess)));
	const counted = log.filter((call) => call.allowed).length;
	const windows = windowStarts.map((start) => log.filter((call) => call.allowed && call.at >= start && call.at < start + options.windowSeconds * 1000).length);
	return { processes, counted, refused: log.length - counted, windows, ms: time.now - started };
}

const RULES = {
	isAnswer: (body: unknown) => typeof body === 'object' && body !== null,
	readError: zohoErrorOf,
	tokenRejected: () => false,
};

/** The little of a run's client that `sendWire` uses, with the simulated server as n8n's HTTP helper. */
function simulatedChannel(clock: Clock, budget: AccountBudget, slots: RequestSlots, serve: (signal?: AbortSignal) => Promise<RawResponse>): RequestChannel {
	const endpoint = { apiUrl: API_URL, tokenOrigins: [new URL(API_URL).origin], budget };
	const unused = () => {
		throw new Error('not simulated');
	};
	return {
		node: NODE,
		clock,
		slots,
		checkOnly: false,
		endpoint: async () => endpoint,
		connection: unused,
		fillPath: unused,
		resolve: unused,
		send: async (_options, signal) => await serve(signal),
		tokenRefreshedSince: async () => false,
		refreshToken: async () => {},
	};
}
