import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { addressClassOf } from './addresses';

/**
 * Where a file may be fetched from, and which hosts get the token. The token goes to the
 * API host and, for Zoho's organization API, to the download host of the credential's own
 * data center (credentials/dataCenters.ts): a fixed allow-list, never a host an answer
 * names. Any other host is fetched without the token, and only if it is a public https
 * host (or the API itself lives on this machine or in a private network, as a sandbox or
 * a gateway does).
 */

function refuse(node: INode, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(node, message, { itemIndex, description });
}

/**
 * A file host the download may go to from `from`: http or https only, never from https
 * down to http, and never to a loopback, link-local or private address unless the API
 * itself lives at one. `how` says how the node got there ("redirected the download to").
 */
export function checkFileHost(node: INode, itemIndex: number, api: URL, from: URL, to: URL, how: string): void {
	const where = `Zoho Meeting ${how} ${to.protocol === 'http:' || to.protocol === 'https:' ? to.origin : to.protocol}`;
	if (to.protocol !== 'http:' && to.protocol !== 'https:') {
		refuse(node, itemIndex, `${where}, which is not a web address`, 'Only http and https file hosts are followed; nothing was fetched.');
	}
	const target = addressClassOf(to);
	if (target !== 'public' && addressClassOf(api) === 'public') {
		refuse(node, itemIndex, `${where}, a ${target} address`, "Zoho's file hosts are public; a redirect into n8n's own network is refused and nothing was fetched. If your Zoho Meeting API is behind an internal gateway, set it as the credential's Custom API URL.");
	}
	if (from.protocol === 'https:' && to.protocol === 'http:') {
		refuse(node, itemIndex, `${where} without https`, 'A download that started over https is never continued over plain http; nothing was fetched from there.');
	}
}

/** Whether a request to `url` may carry the token: its origin is one of the credential's own. */
export const mayCarryToken = (tokenOrigins: readonly string[], url: URL) => tokenOrigins.includes(url.origin);
