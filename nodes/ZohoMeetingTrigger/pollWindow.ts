import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { itemsFor, type PollPlan } from './items';
import { listPages } from './listPages';
import { isoTime } from './objectTimes';
import { holdsLease, releaseLease, takeLease } from './pollLease';
import { MAX_REMEMBERED, PollRound, type ListPosition, type RoundOutcome, type RoundSettings } from './pollState';

/** n8n-core's own default poll budget (PollContext), for n8n versions that pass none. */
export const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;

/**
 * n8n's poll time budget. Newer n8n passes it and abandons a poll that overruns it;
 * older n8n has no such method, and then the node keeps n8n-core's default of five minutes.
 */
export function pollBudgetMs(ctx: IPollFunctions): number {
	const budget: unknown = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : undefined;
	return typeof budget === 'number' && Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_POLL_BUDGET_MS;
}

/**
 * Whether a poll should stop listing and leave the rest of the pass to the next poll:
 * when what is left of the budget may not cover another page (three times the slowest
 * so far, since retries can stretch one) plus a fifth of the budget for handing the
 * items to the workflow.
 */
export function outOfTime(elapsedMs: number, budgetMs: number, slowestPageMs: number): boolean {
	return budgetMs - elapsedMs < Math.max(budgetMs / 5, slowestPageMs * 3);
}

/** One pass over the window, as far as the budget allows; the deadline reads it while a page is on its way. */
interface Pass {
	readonly plan: PollPlan;
	readonly settings: RoundSettings;
	readonly budgetMs: number;
	readonly startedAt: number;
	round: PollRound;
	/** Set once the activation's window was placed again by Zoho's clock: that happens once. */
	replaced: boolean;
	/** The page the pass reads next. */
	position: ListPosition;
	pagesRead: number;
	slowestPageMs: number;
}

const label = (ctx: IPollFunctions) => `Zoho Meeting Trigger "${ctx.getNode().name}"`;

/**
 * An active workflow's poll: under the node's lease (see pollLease.ts), lists the window
 * (or as much of it as the time budget allows) and stores the new state.
 */
export async function pollWithLease(
	this: IPollFunctions,
	plan: PollPlan,
	settings: RoundSettings,
): Promise<INodeExecutionData[][] | null> {
	const staticData = this.getWorkflowStaticData('node');
	const budgetMs = pollBudgetMs(this);
	const lease = takeLease(staticData, Date.now(), budgetMs);
	if ('heldBy' in lease) {
		this.logger.debug(`${label(this)} left this poll out: the previous one is still running (until ${isoTime(lease.heldBy.until)} at most)`);
		return null;
	}
	if (lease.expired) {
		this.logger.warn(`${label(this)}: the previous poll did not finish by ${isoTime(lease.expired.until)} (n8n abandoned it, or stopped during it); this poll takes over`);
	}
	const startedAt = Date.now();
	try {
		const outcome = await passWithinDeadline(this, { plan, settings, budgetMs }, staticData.pollState);
		const items = await itemsWithinDeadline(this, plan, outcome.emit, startedAt + budgetMs);
		// Only now, with the pass over, does the poll touch the stored state: a poll that
		// failed on any page threw above and left the cursor where it was.
		if (!holdsLease(staticData, lease.holder)) {
			this.logger.warn(`${label(this)}: this poll outlasted its lease and a later one took over; its result is dropped`);
			return null;
		}
		storeOutcome(this, staticData, outcome);
		return items.length > 0 ? [items] : null;
	} finally {
		releaseLease(staticData, lease.holder);
	}
}

/**
 * Filters and files for what the pass found, done by the poll's deadline: n8n's budget
 * already keeps a margin before n8n abandons the poll (at least 5 s, or a fifth of its
 * limit: packages/cli's trigger-execution-context.factory), enough to hand the items over.
 * A file still downloading at the deadline is left out (recordingFiles.ts says how).
 */
async function itemsWithinDeadline(ctx: IPollFunctions, plan: PollPlan, objects: IDataObject[], deadline: number) {
	if (objects.length === 0) return [];
	return await itemsFor(ctx, plan, objects, AbortSignal.timeout(Math.max(0, deadline - Date.now())));
}

function storeOutcome(ctx: IPollFunctions, staticData: IDataObject, { state, narrowed }: RoundOutcome): void {
	if (narrowed) {
		ctx.logger.warn(
			`${label(ctx)}: the Look-Back Window holds more than ${MAX_REMEMBERED.toLocaleString('en-US')} objects, more than the node remembers; ` +
				`it now starts at ${isoTime(narrowed.to)} instead of ${isoTime(narrowed.from)} and forgot ${narrowed.forgotten} objects. ` +
				'A meeting or recording that started before then and becomes eligible later will not start the workflow: shorten the Look-Back Window.',
		);
	}
	// Written only when it changed: n8n saves static data it sees changed.
	if (JSON.stringify(staticData.pollState) !== JSON.stringify(state)) {
		staticData.pollState = state as unknown as IDataObject;
	}
}

/**
 * Lists the window, but never past the poll's deadline, n8n's budget: a page that is
 * still on its way then is given up (the transport lets go of it by its own deadline), the
 * pages read so far are kept, and the next poll continues from the page given up.
 */
async function passWithinDeadline(
	ctx: IPollFunctions,
	plan: Pick<Pass, 'plan' | 'settings' | 'budgetMs'>,
	stored: unknown,
): Promise<RoundOutcome> {
	const round = new PollRound(stored, plan.settings);
	const pass: Pass = {
		...plan,
		startedAt: Date.now(),
		round,
		replaced: false,
		position: round.firstPosition,
		pagesRead: 0,
		slowestPageMs: 0,
	};
	const stop = new AbortController();
	// Aborted once the race is decided, the sleep never settles it (older n8n's sleep
	// takes no signal and ends later, also after the race).
	const deadline = sleep(plan.budgetMs, stop.signal).then(
		() => 'deadline' as const,
		async () => await new Promise<never>(() => undefined),
	);
	const listed = listPass(ctx, pass, stop.signal).then((stoppedBeforePage) => ({ stoppedBeforePage }));
	// Once the deadline has won, the abandoned pass ends with "stopped": nobody waits for that.
	listed.catch(() => undefined);
	try {
		const finished = await Promise.race([listed, deadline]);
		if (finished !== 'deadline') return pass.round.finish(finished.stoppedBeforePage);
	} finally {
		stop.abort();
	}
	return givenUp(ctx, pass);
}

function givenUp(ctx: IPollFunctions, pass: Pass): RoundOutcome {
	const seconds = (pass.budgetMs / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 });
	const message = `Zoho Meeting did not answer ${describePosition(pass.position)} within the poll's time budget of ${seconds} s`;
	if (pass.pagesRead === 0) {
		ctx.logger.warn(`${label(ctx)} gave up: ${message}; the next poll tries again`);
		throw new NodeOperationError(ctx.getNode(), message, {
			description:
				'The poll stopped waiting so that the next one can run. If this repeats, check Zoho Meeting\'s status and the network between n8n and Zoho.',
		});
	}
	ctx.logger.warn(`${label(ctx)} gave up: ${message}; it keeps the ${pass.pagesRead} pages read and the next poll continues from ${describePosition(pass.position)}`);
	return pass.round.finish(pass.position);
}

function describePosition({ page, webinarKey }: ListPosition): string {
	return webinarKey === undefined ? `page ${page}` : `page ${page} of webinar ${webinarKey}'s registrations`;
}

/**
 * Reads pages into the pass until the list ends (undefined) or the budget is nearly
 * spent (the page not read). When the first answer shows that n8n's clock placed the
 * activation's window too late, lists once more from Zoho's clock.
 */
async function listPass(ctx: IPollFunctions, pass: Pass, signal: AbortSignal): Promise<ListPosition | undefined> {
	for (;;) {
		const outcome = await listPagesInto(ctx, pass, signal);
		if (outcome !== 'placedLate') return outcome === 'done' ? undefined : outcome;
		const skewSeconds = Math.round((pass.settings.nowMs - pass.round.now) / 1000);
		ctx.logger.warn(`${label(ctx)}: Zoho's clock is ${skewSeconds} s behind n8n's; the first window is placed by Zoho's clock`);
		pass.round = new PollRound(undefined, { ...pass.settings, nowMs: pass.round.now });
		pass.replaced = true;
		pass.position = { page: 1 };
	}
}

async function listPagesInto(
	ctx: IPollFunctions,
	pass: Pass,
	signal: AbortSignal,
): Promise<ListPosition | 'placedLate' | 'done'> {
	let pageStartedAt = Date.now();
	for await (const { objects, serverMs, next } of listPages(ctx, pass.plan, pass.round.since, pass.position, signal)) {
		// The deadline passed while this page was on its way: the poll has moved on without it.
		if (signal.aborted) return 'done';
		pass.round.take(objects, serverMs);
		if (!pass.replaced && pass.round.placedLate) return 'placedLate';
		// An answer that only tells the clock (an empty list, the list of webinars) is no page of the pass.
		if (next === undefined) continue;
		pass.position = next;
		pass.pagesRead++;
		const now = Date.now();
		pass.slowestPageMs = Math.max(pass.slowestPageMs, now - pageStartedAt);
		pageStartedAt = now;
		if (outOfTime(now - pass.startedAt, pass.budgetMs, pass.slowestPageMs)) return pass.position;
	}
	return 'done';
}
