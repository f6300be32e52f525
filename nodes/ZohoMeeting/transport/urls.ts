import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CUSTOM_DATA_CENTER, type DataCenterSettings } from '../../../credentials/dataCenters';
import { addressClassOf } from './addresses';

/**
 * The Custom data center takes any URL, so the node checks it before the first request
 * (a refresh, which sends the client secret to the Accounts URL, only ever happens inside
 * a request): https is required except on the machine itself, where a sandbox runs, and a
 * `user:password@` part is refused, since the HTTP client would quietly send it as Basic
 * authentication.
 */
function checkUrl(node: INode, itemIndex: number, label: string, value: string | undefined): void {
	if (!value) return;
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		throw new NodeOperationError(node, `The credential's ${label} is not a URL`, {
			itemIndex,
			description: `Open the Zoho Meeting credential and enter the ${label} as a full address, such as https://meeting.example.com.`,
		});
	}
	if (url.username || url.password) {
		throw new NodeOperationError(node, `The credential's ${label} contains a user name or password`, {
			itemIndex,
			description: `Remove the "user:password@" part from the ${label}: Zoho Meeting is signed in through OAuth, and a password in the URL would be sent to the server as well.`,
		});
	}
	const local = addressClassOf(url) === 'loopback';
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		throw new NodeOperationError(node, `The credential's ${label} must start with https://`, {
			itemIndex,
			description: `${url.origin} would carry the access token${label === 'Accounts URL' ? ' and the client secret' : ''} unencrypted. Use https, or http only for a sandbox on this machine (localhost or 127.0.0.1).`,
		});
	}
}

export function checkCredentialUrls(node: INode, itemIndex: number, settings: DataCenterSettings): void {
	if (settings.dataCenter !== CUSTOM_DATA_CENTER) return;
	checkUrl(node, itemIndex, 'Accounts URL', settings.accountsUrl);
	checkUrl(node, itemIndex, 'API URL', settings.apiUrl);
}
