/**
 * The request slots of one node run ("Parallel Requests"): at most `size` requests in
 * flight at once, the others queue in order. Until the first answer arrives only one
 * request goes, so that a run learns the account's rate-limit budget before it sends a burst.
 */
export class RequestSlots {
	private free = 1;
	private closed: number;
	private readonly queue: Array<() => void> = [];

	constructor(readonly size: number) {
		this.closed = size - 1;
	}

	/** Waits for a free slot and takes it; aborting the signal gives up the place in the queue. */
	async take(signal?: AbortSignal): Promise<void> {
		signal?.throwIfAborted();
		if (this.free > 0) {
			this.free--;
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				const index = this.queue.indexOf(grant);
				if (index >= 0) this.queue.splice(index, 1);
				reject(signal?.reason);
			};
			const grant = () => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			};
			this.queue.push(grant);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	give(): void {
		const next = this.queue.shift();
		if (next) next();
		else this.free++;
	}

	/** An answer came: the slots held back for it open. */
	openAll(): void {
		for (; this.closed > 0; this.closed--) this.give();
	}
}
