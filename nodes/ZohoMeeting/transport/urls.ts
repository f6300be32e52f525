import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CUSTOM_DATA_CENTER, type DataCenterSettings } from '../../../credentials/dataCenters';
import { addressClassOf } from './addresses';

/**
 * Whether plain http stays on this machine: a loopback address, or the name `localhost`
 * itself, which the hosts file answers. `localhost.` and `*.localhost` are asked of DNS
 * (Node's lookup does not special-case them), which may answer with any address.
 */
function onThisMachine(url: URL): boolean {
	const literal = url.hostname.startsWith('[') || /^[\d.]+$/.test(url.hostname);
	return addressClassOf(url) === 'loopback' && (literal || url.hostname === 'localhost');
}

/**
 * The Custom data center takes any URL, so the node checks it before the first request
 * (a refresh, which sends the client secret to the Accounts URL, only ever happens inside
 * a request): https is required except on the machine itself, where a sandbox runs, and a
 * `user:password@` part is refused, since the HTTP client would quietly send it as Basic
 * authentication.
 */
function checkUrl(node: INode, itemIndex: number, label: string, value: string | undefined): void {
	if (!value) return;
	const text = value.trim();
	function fail(problem: string, description: string): never {
		throw new NodeOperationError(node, `The credential's ${label} ${problem}`, { itemIndex, description });
	}
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	// The URL parser reads `http:host` and `http:/host` as http://host; n8n's HTTP client
	// refuses them (ERR_INVALID_URL), so the address must be written out in full.
	if (!url || (/^https?:$/.test(url.protocol) && !/^https?:\/\//i.test(text))) {
		fail('is not a URL', `Open the Zoho Meeting credential and enter the ${label} as a full address, such as https://meeting.example.com.`);
	}
	if (url.username || url.password) {
		fail(
			'contains a user name or password',
			`Remove the "user:password@" part from the ${label}: Zoho Meeting is signed in through OAuth, and a password in the URL would be sent to the server as well.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		fail('must start with https://', `${url.protocol} is not a web address. Enter the ${label} as https://…, or as http://localhost:<port> for a sandbox on this machine.`);
	}
	if (url.protocol === 'http:' && !onThisMachine(url)) {
		fail(
			'must start with https://',
			`${url.origin} would carry the access token${label === 'Accounts URL' ? ' and the client secret' : ''} unencrypted. Use https, or http only for a sandbox on this machine (localhost or 127.0.0.1).`,
		);
	}
}

export function checkCredentialUrls(node: INode, itemIndex: number, settings: DataCenterSettings): void {
	if (settings.dataCenter !== CUSTOM_DATA_CENTER) return;
	checkUrl(node, itemIndex, 'Accounts URL', settings.accountsUrl);
	checkUrl(node, itemIndex, 'API URL', settings.apiUrl);
}
