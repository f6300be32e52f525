import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a foreign server saw of one request. */
export interface ForeignRequest {
	method: string;
	path: string;
	authorization?: string;
	body: string;
}

export type ForeignHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A small HTTP server on another loopback origin than the sandbox (`localhost` instead of
 * `127.0.0.1`, its own port): a place a hostile server may point the node at, or a hostile
 * server itself. It records every request and answers with the test's handler.
 */
export class ForeignServer {
	readonly requests: ForeignRequest[] = [];
	url = '';
	private server?: Server;
	private readonly sockets = new Set<Socket>();
	private handler: ForeignHandler = (_, response) => response.end('{"stolen":true}');

	answerWith(handler: ForeignHandler): void {
		this.handler = handler;
	}

	/** `host` '::' listens on both loopbacks (127.0.0.1 and ::1), for targets written as IPv6. */
	async start(host = '127.0.0.1'): Promise<void> {
		this.server = createServer((request, response) => {
			let body = '';
			request.on('data', (chunk: Buffer) => (body += chunk.toString()));
			request.on('end', () => {
				const { method = '', url = '', headers } = request;
				this.requests.push({ method, path: url, authorization: headers.authorization, body });
				this.handler(request, response);
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server?.listen(0, host, resolve));
		this.url = `http://localhost:${(this.server.address() as AddressInfo).port}`;
	}

	reset(): void {
		this.requests.length = 0;
		this.answerWith((_, response) => response.end('{"stolen":true}'));
		for (const socket of this.sockets) socket.destroy();
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}
}

export function useForeignServer(host?: string): ForeignServer {
	const server = new ForeignServer();
	beforeAll(async () => await server.start(host));
	beforeEach(() => server.reset());
	afterAll(async () => await server.stop());
	return server;
}

/** Sends the status line and headers, then one byte every `everyMs` until the client gives up. */
export function trickle(headers: Record<string, string>, everyMs = 100): ForeignHandler {
	return (request, response) => {
		response.writeHead(200, headers);
		response.flushHeaders();
		const timer = setInterval(() => response.write(' '), everyMs);
		request.socket.on('close', () => clearInterval(timer));
	};
}
