import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../credentials/ZohoMeetingOAuth2Api.credentials';
import { resolveApiUrl, type DataCenterSettings } from '../../../credentials/dataCenters';

import { systemClock, type Clock } from './clock';
import { v2Dialect, type Dialect, type ListPage } from './dialects/v2';
import { downloadToBinary, type DownloadChannel, type DownloadOptions } from './download';
import { pages, pageThrough, requestPage, type PagesOptions } from './pagination';
import { assertPathId } from './pathIds';
import { budgetOf } from './rateLimit';
import { sendRequest, type ApiRequest, type Connection, type RawResponse } from './request';
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

type Credential = DataCenterSettings & { oauthTokenData?: unknown };

/**
 * One run's way to Zoho Meeting, made by the router for a node run, by the trigger for a
 * poll and by a picker for one search. It holds what the run's requests share: the
 * credential's settings (read once), the request slots of "Parallel Requests", the
 * account's rate-limit budget and the execution's cancel signal.
 */
export class ZohoClient implements DownloadChannel {
	readonly node: INode;
	readonly clock: Clock = systemClock;
	readonly dialect: Dialect = v2Dialect;
	readonly slots: RequestSlots;
	readonly cancelSignal?: AbortSignal;
	readonly checkOnly: boolean;
	private credential?: Promise<Credential>;
	private connected?: Promise<Connection>;

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
		const response = await sendRequest(this, request);
		const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
		return (this.dialect.readData(body) as IDataObject | undefined) ?? {};
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

	fillPath(request: ApiRequest): string {
		return request.path.replace(/\{(\w+)\}/g, (_, name: string) =>
			assertPathId(this.node, request.itemIndex ?? 0, name, request.pathParams?.[name]),
		);
	}

	/** The credential, read once per run: n8n decrypts it and resolves its expressions on every read. */
	private readCredential(itemIndex: number): Promise<Credential> {
		if (!this.credential) {
			this.credential = this.ctx.getCredentials(CREDENTIAL_TYPE, itemIndex) as Promise<Credential>;
			this.credential.catch(() => (this.credential = undefined));
		}
		return this.credential;
	}

	async connection(itemIndex: number): Promise<Connection> {
		if (!this.connected) {
			this.connected = this.connect(itemIndex);
			this.connected.catch(() => (this.connected = undefined));
		}
		return await this.connected;
	}

	private async connect(itemIndex: number): Promise<Connection> {
		const credential = await this.readCredential(itemIndex);
		checkCredentialUrls(this.node, itemIndex, credential);
		const apiUrl = resolveApiUrl(credential);
		if (!apiUrl) {
			throw new NodeOperationError(this.node, 'The credential has no API URL', {
				itemIndex,
				description: 'The Zoho Meeting credential uses the Custom data center: fill in its API URL, or pick your Zoho data center.',
			});
		}
		// Rate-limit windows are per Zoho account; the credential stands for the account.
		const account = this.node.credentials?.[CREDENTIAL_TYPE]?.id ?? apiUrl;
		return { apiUrl, budget: budgetOf(account) };
	}

	/** Whether the credential's tokens changed since the run first read it: a refresh went through elsewhere. */
	async tokenRefreshedSince(itemIndex: number): Promise<boolean> {
		const tokensOf = (credential: Credential) => JSON.stringify(credential.oauthTokenData);
		const first = await this.readCredential(itemIndex);
		const current = (await this.ctx.getCredentials(CREDENTIAL_TYPE, itemIndex)) as Credential;
		return tokensOf(current) !== tokensOf(first);
	}

	async send(options: IHttpRequestOptions, signal: AbortSignal, authenticated: boolean): Promise<RawResponse> {
		const request = { ...options, abortSignal: signal };
		if (!authenticated) return (await this.ctx.helpers.httpRequest(request)) as RawResponse;
		// n8n 2.x sets a request's abortSignal to the execution's cancel signal inside
		// httpRequestWithAuthentication (n8n-core request-helpers/authentication.ts), which
		// would drop the deadline. Under a context whose cancel signal is this request's own
		// signal (the execution's, or the deadline's), both reach the request.
		const scoped = Object.create(this.ctx, { getExecutionCancelSignal: { value: () => signal } }) as ZohoContext;
		return (await this.ctx.helpers.httpRequestWithAuthentication.call(scoped, CREDENTIAL_TYPE, request)) as RawResponse;
	}

	async storeBinary(body: unknown, fileName: string, mimeType: string): Promise<IBinaryData> {
		const helpers = this.ctx.helpers as Partial<IExecuteFunctions['helpers']>;
		if (!helpers.prepareBinaryData) throw new NodeOperationError(this.node, 'This node cannot store files here');
		return await helpers.prepareBinaryData(body as Buffer, fileName, mimeType);
	}
}
