import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IOAuth2Options,
	IPollFunctions,
	RequestHelperFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../credentials/ZohoMeetingOAuth2Api.credentials';
import { resolveApiUrl, resolveDownloadUrl } from '../../../credentials/dataCenters';
import { accountOf } from './accounts';
import { apiShapeOf, dialectOf, type ApiSettings } from './apiShape';
import { systemClock, type Clock } from './clock';
import type { ListPage, Translation, WireRequest } from './dialects/dialect';
import { downloadToBinary, type DownloadChannel, type DownloadOptions } from './download';
import { pages, pageThrough, requestPage, type PagesOptions } from './pagination';
import { assertPathId } from './pathIds';
import type { ApiRequest, Connection, Endpoint, RawResponse } from './channel';
import { sendRequest } from './request';
import { RequestSlots } from './slots';
import { checkCredentialUrls } from './urls';

export type ZohoContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface ClientOptions {
	/** At most this many requests of the run in flight at once ("Parallel Requests"). */
	parallel?: number;
	/** The router's check pass: read and check every parameter, send nothing. */
	checkOnly?: boolean;
	/** Stops the client's requests and waits as the execution's cancel signal does (a poll's deadline). */
	signal?: AbortSignal;
}

type Credential = ApiSettings & { oauthTokenData?: unknown };

/** The endpoint and the settings it was found from. */
type Located = Endpoint & { settings: Credential };

/**
 * One run's way to Zoho Meeting, made by the router for a node run, by the trigger for a
 * poll and by a picker for one search. It holds what the run's requests share: the
 * credential's settings (read once), its account's API shape and rate-limit budget, the
 * request slots of "Parallel Requests", the run's one token refresh and the execution's
 * cancel signal.
 */
export class ZohoClient implements DownloadChannel {
	readonly node: INode;
	readonly clock: Clock = systemClock;
	readonly slots: RequestSlots;
	readonly cancelSignal?: AbortSignal;
	readonly checkOnly: boolean;
	private credential?: Promise<Credential>;
	private located?: Promise<Located>;
	private connected?: Promise<Connection>;
	private refreshing?: Promise<void>;

	constructor(
		private readonly ctx: ZohoContext,
		options: ClientOptions = {},
	) {
		this.node = ctx.getNode();
		this.slots = new RequestSlots(Math.max(1, Math.floor(options.parallel ?? 1)));
		this.checkOnly = options.checkOnly ?? false;
		const cancellable = ctx as Partial<Pick<IExecuteFunctions, 'getExecutionCancelSignal'>>;
		const signals = [
			typeof cancellable.getExecutionCancelSignal === 'function' ? cancellable.getExecutionCancelSignal() : undefined,
			options.signal,
		].filter((signal): signal is AbortSignal => signal !== undefined);
		this.cancelSignal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
	}

	/** One API call; returns the answer's data (the contract's `data`, unwrapped). */
	async request(request: ApiRequest): Promise<IDataObject> {
		return (await sendRequest(this, request)).data;
	}

	/** One page of a list (a picker reads one at a time). */
	async requestPage(request: ApiRequest, page: number, perPage: number): Promise<ListPage> {
		return await requestPage(this, request, page, perPage);
	}

	/** Every page of a list, one after the other. */
	pages(request: ApiRequest, options?: PagesOptions): AsyncGenerator<IDataObject[]> {
		return pages(this, request, options);
	}

	/** Every object of a list (Return All) or the first `limit`, pages fetched in parallel up to the run's slots. */
	async pageThrough(request: ApiRequest, options: { returnAll: boolean; limit?: number }): Promise<IDataObject[]> {
		return await pageThrough(this, request, { ...options, parallel: this.slots.size });
	}

	/** A file of the API, streamed into n8n's binary data. */
	async download(request: ApiRequest, options: DownloadOptions): Promise<IBinaryData> {
		return await downloadToBinary(this, request, options);
	}

	/** The request's path with its placeholders filled, each value checked so it cannot change the path. */
	fillPath(request: ApiRequest): { path: string; pathParams: Record<string, string> } {
		const pathParams: Record<string, string> = {};
		const path = request.path.replace(/\{(\w+)\}/g, (_, name: string) => {
			pathParams[name] = assertPathId(this.node, request.itemIndex ?? 0, name, request.pathParams?.[name]);
			return pathParams[name];
		});
		return { path, pathParams };
	}

	/** A translation's look-ups, each a request of the contract like any other. */
	async resolve(translation: Translation, itemIndex: number): Promise<{ wire: WireRequest } | { answer: IDataObject }> {
		let step = translation;
		while ('lookup' in step) {
			const { request, find, notFound } = step.lookup;
			const found = find ? await this.find({ ...request, itemIndex }, find) : await this.request({ ...request, itemIndex });
			if (!found) throw notFound?.() ?? new NodeOperationError(this.node, `Zoho Meeting has no such object in ${request.path}`, { itemIndex });
			step = step.then(found);
		}
		return step;
	}

	private async find(request: ApiRequest, accept: (object: IDataObject) => boolean): Promise<IDataObject | undefined> {
		for await (const page of this.pages(request)) {
			const found = page.find(accept);
			if (found) return found;
		}
		return undefined;
	}

	/** The credential, read once per run: n8n decrypts it and resolves its expressions on every read. */
	private readCredential(itemIndex: number): Promise<Credential> {
		if (!this.credential) {
			this.credential = this.ctx.getCredentials(CREDENTIAL_TYPE, itemIndex) as Promise<Credential>;
			this.credential.catch(() => (this.credential = undefined));
		}
		return this.credential;
	}

	async endpoint(itemIndex: number): Promise<Located> {
		if (!this.located) {
			this.located = this.locate(itemIndex);
			this.located.catch(() => (this.located = undefined));
		}
		return await this.located;
	}

	async connection(itemIndex: number): Promise<Connection> {
		if (!this.connected) {
			this.connected = this.connect(itemIndex);
			this.connected.catch(() => (this.connected = undefined));
		}
		return await this.connected;
	}

	private async locate(itemIndex: number): Promise<Located> {
		const settings = await this.readCredential(itemIndex);
		checkCredentialUrls(this.node, itemIndex, settings);
		const apiUrl = resolveApiUrl(settings);
		if (!apiUrl) {
			throw new NodeOperationError(this.node, 'The credential has no API URL', {
				itemIndex,
				description: 'The Zoho Meeting credential uses the Custom data center: fill in its API URL, or pick your Zoho data center.',
			});
		}
		const downloadUrl = resolveDownloadUrl(settings);
		const tokenOrigins = [new URL(apiUrl).origin, ...(downloadUrl ? [new URL(downloadUrl).origin] : [])];
		// Rate-limit windows and API shapes are per Zoho account; the credential stands for the account.
		const budget = this.account(apiUrl).budget;
		return { apiUrl, tokenOrigins, budget, settings };
	}

	private account(apiUrl: string) {
		return accountOf(`${this.node.credentials?.[CREDENTIAL_TYPE]?.id ?? ''} ${apiUrl}`);
	}

	private async connect(itemIndex: number): Promise<Connection> {
		const { settings, ...endpoint } = await this.endpoint(itemIndex);
		const shape = await apiShapeOf(this, settings, this.account(endpoint.apiUrl), itemIndex);
		return { ...endpoint, dialect: dialectOf(shape) };
	}

	/** Whether the credential's tokens changed since the run first read it: a refresh went through elsewhere. */
	async tokenRefreshedSince(itemIndex: number): Promise<boolean> {
		const tokensOf = (credential: Credential) => JSON.stringify(credential.oauthTokenData);
		const first = await this.readCredential(itemIndex);
		const current = (await this.ctx.getCredentials(CREDENTIAL_TYPE, itemIndex)) as Credential;
		return tokensOf(current) !== tokensOf(first);
	}

	/**
	 * Has n8n refresh the token (its OAuth2 helper stores the new one), once per run: every
	 * request Zoho refused meanwhile waits for the same refresh. A token that changed since
	 * the run read the credential was refreshed elsewhere and is used as it is.
	 */
	async refreshToken(itemIndex: number): Promise<void> {
		if (!this.refreshing) {
			this.refreshing = this.refreshOnce(itemIndex);
			// A refresh that failed (the token endpoint down for a moment) was no refresh: the next may try again.
			this.refreshing.catch(() => (this.refreshing = undefined));
		}
		await this.refreshing;
	}

	private async refreshOnce(itemIndex: number): Promise<void> {
		if (await this.tokenRefreshedSince(itemIndex)) return;
		const helpers = this.ctx.helpers as Partial<Pick<RequestHelperFunctions, 'refreshOAuth2Token'>>;
		if (typeof helpers.refreshOAuth2Token !== 'function') {
			throw new NodeOperationError(this.node, 'Zoho Meeting rejected the access token, and this n8n version cannot refresh it', {
				itemIndex,
				description:
					"Zoho's organization API answers an expired token with HTTP 400, on which n8n refreshes only from version 1.123 on (earlier versions refresh on a 401 alone). Update n8n, or reconnect the credential for a new token (it lasts an hour).",
			});
		}
		await helpers.refreshOAuth2Token.call(this.ctx, CREDENTIAL_TYPE);
	}

	async send(options: IHttpRequestOptions, signal: AbortSignal, authenticated: boolean, oauth2?: IOAuth2Options): Promise<RawResponse> {
		const request = { ...options, abortSignal: signal };
		if (!authenticated) return (await this.ctx.helpers.httpRequest(request)) as RawResponse;
		// n8n 2.x sets a request's abortSignal to the execution's cancel signal inside
		// httpRequestWithAuthentication (n8n-core request-helpers/authentication.ts), which
		// would drop the deadline. Under a context whose cancel signal is this request's own
		// signal (the execution's, or the deadline's), both reach the request.
		const scoped = Object.create(this.ctx, { getExecutionCancelSignal: { value: () => signal } }) as ZohoContext;
		const { httpRequestWithAuthentication } = this.ctx.helpers;
		const answer = oauth2
			? httpRequestWithAuthentication.call(scoped, CREDENTIAL_TYPE, request, { oauth2 })
			: httpRequestWithAuthentication.call(scoped, CREDENTIAL_TYPE, request);
		return (await answer) as RawResponse;
	}

	async storeBinary(body: unknown, fileName: string, mimeType: string): Promise<IBinaryData> {
		const helpers = this.ctx.helpers as Partial<IExecuteFunctions['helpers']>;
		if (!helpers.prepareBinaryData) throw new NodeOperationError(this.node, 'This node cannot store files here');
		return await helpers.prepareBinaryData(body as Buffer, fileName, mimeType);
	}
}
