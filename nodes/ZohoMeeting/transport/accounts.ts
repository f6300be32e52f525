import { AccountBudget } from './rateLimit';

/** The wire shape an account's API speaks: the v2 reference, or Zoho's organization API with the organization's ID. */
export type ApiShape = { api: 'v2' } | { api: 'organization'; zsoid: string };

/** What this n8n process knows about one Zoho account. */
export interface Account {
	/** The account's rate-limit budget (rateLimit.ts). */
	readonly budget: AccountBudget;
	/** The API shape found by asking Zoho (apiShape.ts), once asked; forgotten when asking failed. */
	shape?: Promise<ApiShape>;
}

/**
 * The accounts this process talks to, by credential and API host. This is the node's one
 * piece of module state, and it must outlive a run: Zoho's rate-limit window belongs to
 * the account, not to a run, so every run and workflow of the process has to draw on the
 * same budget; and the API shape of an account (the credential's API `auto`) costs a
 * request to learn, which the issue that introduced it allows once per credential and
 * process, not once per run or poll.
 */
const accounts = new Map<string, Account>();

export function accountOf(key: string): Account {
	let account = accounts.get(key);
	if (!account) {
		account = { budget: new AccountBudget() };
		accounts.set(key, account);
	}
	return account;
}
