import { inspect } from 'node:util';

import type { Logger, LogMetadata } from 'n8n-workflow';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface CapturedLog {
	level: LogLevel;
	message: string;
	metadata?: LogMetadata;
}

const entries: CapturedLog[] = [];

/**
 * Stands in for `Logger` of @n8n/backend-common (what n8n-core's contexts return from
 * `this.logger`, see packages/core/src/execution-engine/node-execution-context/
 * node-execution-context.ts) and for n8n-workflow's LoggerProxy (what WorkflowExecute logs
 * through). Nothing is printed unless HARNESS_LOG=1, so a test can assert on what n8n-core
 * and the nodes wrote, e.g. that no token leaked.
 */
export class CaptureLogger implements Logger {
	error(message: string, metadata?: LogMetadata) {
		this.log('error', message, metadata);
	}

	warn(message: string, metadata?: LogMetadata) {
		this.log('warn', message, metadata);
	}

	info(message: string, metadata?: LogMetadata) {
		this.log('info', message, metadata);
	}

	debug(message: string, metadata?: LogMetadata) {
		this.log('debug', message, metadata);
	}

	/** backend-common's Logger API; n8n-core services call it in their constructors. */
	scoped(): this {
		return this;
	}

	private log(level: LogLevel, message: string, metadata?: LogMetadata) {
		entries.push({ level, message, metadata });
		if (process.env.HARNESS_LOG) {
			process.stderr.write(`[${level}] ${message} ${metadata ? inspect(metadata) : ''}\n`);
		}
	}
}

/** Everything logged since the start (or the last clearCapturedLogs()). */
export function capturedLogs(): readonly CapturedLog[] {
	return entries;
}

/**
 * All captured logs as one string, metadata included at full depth (errors with their
 * stacks and own properties), for `expect(capturedLogText()).not.toContain(token)`.
 */
export function capturedLogText(): string {
	return entries
		.map((e) => `[${e.level}] ${e.message} ${e.metadata ? inspect(e.metadata, { depth: 10 }) : ''}`)
		.join('\n');
}

export function clearCapturedLogs(): void {
	entries.length = 0;
}
