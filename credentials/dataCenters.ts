/**
 * Zoho's data centers: the one table from which both the credential (its OAuth URLs,
 * as n8n expressions) and the node (the API base URL) derive their hosts. US, EU, IN and
 * AU are the API contract's (docs/api-contract.md, "Data centers"); the others follow
 * Zoho's multi-DC naming, where the accounts host is `accounts.<domain>` and the
 * Meeting API host `meeting.<domain>`.
 */
export interface DataCenter {
	value: string;
	name: string;
	domain: string;
}

export const DATA_CENTERS: readonly DataCenter[] = [
	{ value: 'us', name: 'United States (zoho.com)', domain: 'zoho.com' },
	{ value: 'eu', name: 'Europe (zoho.eu)', domain: 'zoho.eu' },
	{ value: 'in', name: 'India (zoho.in)', domain: 'zoho.in' },
	{ value: 'au', name: 'Australia (zoho.com.au)', domain: 'zoho.com.au' },
	{ value: 'jp', name: 'Japan (zoho.jp)', domain: 'zoho.jp' },
	{ value: 'ca', name: 'Canada (zohocloud.ca)', domain: 'zohocloud.ca' },
	{ value: 'sa', name: 'Saudi Arabia (zoho.sa)', domain: 'zoho.sa' },
	{ value: 'uk', name: 'United Kingdom (zoho.uk)', domain: 'zoho.uk' },
	{ value: 'cn', name: 'China (zoho.com.cn)', domain: 'zoho.com.cn' },
];

/** `custom` points both hosts at user-given URLs: a local sandbox, a proxy or a gateway. */
export const CUSTOM_DATA_CENTER = 'custom';

export const accountsUrlOf = (dc: DataCenter) => `https://accounts.${dc.domain}`;
export const apiUrlOf = (dc: DataCenter) => `https://meeting.${dc.domain}`;
/**
 * Zoho's download host, where the organization API's recordings point (`downloadUrl`):
 * `download.zoho.com` for the US in the client code seen (docs/zoho-api.md); the others
 * by the same multi-DC naming. The token may go there and to the API host, nowhere else.
 */
export const downloadUrlOf = (dc: DataCenter) => `https://download.${dc.domain}`;

/** The subset of credential data the URL derivation reads. */
export interface DataCenterSettings {
	dataCenter?: string;
	accountsUrl?: string;
	apiUrl?: string;
}

const trimSlash = (url: string) => url.trim().replace(/\/+$/, '');

const dataCenterOf = (settings: DataCenterSettings) =>
	DATA_CENTERS.find((candidate) => candidate.value === (settings.dataCenter ?? 'us'));

/** Base URL of the Meeting API (without `/api/v2`), or undefined when it cannot be derived. */
export function resolveApiUrl(settings: DataCenterSettings): string | undefined {
	if (settings.dataCenter === CUSTOM_DATA_CENTER) {
		return settings.apiUrl ? trimSlash(settings.apiUrl) : undefined;
	}
	const dc = dataCenterOf(settings);
	return dc && apiUrlOf(dc);
}

/**
 * Base URL of the data center's download host, or undefined for Custom: a sandbox or a
 * gateway serves recordings' files from the API URL itself.
 */
export function resolveDownloadUrl(settings: DataCenterSettings): string | undefined {
	if (settings.dataCenter === CUSTOM_DATA_CENTER) return undefined;
	const dc = dataCenterOf(settings);
	return dc && downloadUrlOf(dc);
}

/**
 * An n8n expression, for a hidden credential field, that yields `<accounts host><path>`
 * from the credential's own `dataCenter` (and `accountsUrl` for custom). It is built
 * from DATA_CENTERS so the hosts are written once; n8n evaluates it whenever it needs
 * the URL (connecting, refreshing), so no copy of the rule lives in the node.
 */
export function accountsUrlExpression(path: string): string {
	const hosts = JSON.stringify(
		Object.fromEntries(DATA_CENTERS.map((dc) => [dc.value, accountsUrlOf(dc)])),
	);
	return (
		`={{ ($self["dataCenter"] === "${CUSTOM_DATA_CENTER}" ` +
		`? String($self["accountsUrl"] || "").trim().replace(/\\/+$/, "") ` +
		`: ${hosts}[$self["dataCenter"] || "us"]) + "${path}" }}`
	);
}
