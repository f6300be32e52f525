import { NodeApiError } from 'n8n-workflow';

/**
 * The answer of `request`, or `fallback` when Zoho answers that the object does not exist
 * (404: deleted since the trigger learnt its key). Any other failure fails the poll, which
 * then leaves its stored state as it was.
 */
export async function unlessNotFound<T, F>(request: Promise<T>, fallback: F): Promise<T | F> {
	const outcome = await request.then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
	if ('value' in outcome) return outcome.value;
	if (outcome.error instanceof NodeApiError && outcome.error.httpCode === '404') return fallback;
	throw outcome.error;
}
