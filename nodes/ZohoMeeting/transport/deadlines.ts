import type { Clock } from './clock';

/** How long one API exchange may take, from sending to the last byte of the answer. */
export const REQUEST_DEADLINE_MS = 60_000;

export interface ExchangeSignal {
	/** Aborts when the execution is stopped, or when the exchange passes its deadline. */
	signal: AbortSignal;
	/** The answer's headers arrived and its body is a stream: the deadline no longer applies, stopping does until the body ends. */
	keepForBody(body: unknown): void;
	release(): void;
}

const deadlineError = (ms: number) =>
	Object.assign(new Error(`no complete answer within ${ms / 1000} s`), { code: 'EDEADLINE' });

/**
 * The signal of one exchange with Zoho: linked to the run's cancel signal and to the
 * exchange's own deadline. Axios' `timeout` only limits silence on the socket, so a server
 * that trickles a byte now and then would hold a call forever without this. A JSON call
 * must be answered in full by the deadline; a stream only has to start (its body has the
 * download's idle timeout instead).
 */
export function exchangeSignal(clock: Clock, cancelSignal: AbortSignal | undefined, deadlineMs = REQUEST_DEADLINE_MS): ExchangeSignal {
	const controller = new AbortController();
	const deadline = clock.deadline(deadlineMs);
	const onDeadline = () => controller.abort(deadlineError(deadlineMs));
	const onCancel = () => controller.abort(cancelSignal?.reason);
	deadline.addEventListener('abort', onDeadline, { once: true });
	cancelSignal?.addEventListener('abort', onCancel, { once: true });
	if (cancelSignal?.aborted) onCancel();
	const release = () => {
		deadline.removeEventListener('abort', onDeadline);
		cancelSignal?.removeEventListener('abort', onCancel);
	};
	return {
		signal: controller.signal,
		keepForBody(body) {
			deadline.removeEventListener('abort', onDeadline);
			const stream = body as { once?: (event: string, listener: () => void) => void } | undefined;
			if (typeof stream?.once === 'function') stream.once('close', release);
			else release();
		},
		release,
	};
}
