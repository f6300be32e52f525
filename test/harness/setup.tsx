import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService, InstanceSettings } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';

import { CaptureLogger } from './logger';

export interface HarnessEnvironment {
	/** The temp N8N_USER_FOLDER; n8n's `.n8n` folder (config, binary storage) lives in it. */
	userFolder: string;
	/** Where the filesystem binary-data manager writes files. */
	binaryDataPath: string;
}

/**
 * Made when the harness is imported (the top level of a test file), not lazily inside a
 * test: jest only accepts the afterAll() that removes it at that level.
 */
const userFolder = mkdtempSync(path.join(tmpdir(), 'zoho-meeting-harness-'));
if (typeof afterAll === 'function') {
	afterAll(() => rmSync(userFolder, { recursive: true, force: true }));
}

let environment: Promise<HarnessEnvironment> | undefined;

/**
 * Prepares, once per jest worker module registry (i.e. once per test file), the DI
 * container that n8n-core resolves its services from:
 *
 * - N8N_USER_FOLDER points at a fresh temp dir before any @n8n/config class is built:
 *   InstanceSettingsConfig reads it (packages/@n8n/config/src/configs/instance-settings-config.ts)
 *   and InstanceSettings writes `<folder>/.n8n/config` with a new encryption key there, so
 *   the user's home is never touched.
 * - Logger (backend-common) and n8n-workflow's LoggerProxy are replaced by CaptureLogger.
 * - BinaryDataService runs in `filesystem` mode under the temp dir. Its default mode is
 *   filesystem too, but until `init()` has registered the managers, `store()` silently keeps
 *   data base64 in memory (packages/core/src/binary-data/binary-data.service.ts), so init is
 *   what makes streamed downloads land on disk.
 */
export async function ensureHarnessEnvironment(): Promise<HarnessEnvironment> {
	environment ??= createEnvironment();
	return await environment;
}

async function createEnvironment(): Promise<HarnessEnvironment> {
	process.env.N8N_USER_FOLDER = userFolder;

	const logger = new CaptureLogger();
	// Structurally a Logger for every caller; the class's private fields are not.
	Container.set(Logger, logger as unknown as Logger);
	LoggerProxy.init(logger);

	Container.get(InstanceSettings);

	const binaryDataPath = path.join(userFolder, 'binary-data');
	const binaryDataConfig = Container.get(BinaryDataConfig);
	binaryDataConfig.mode = 'filesystem';
	binaryDataConfig.localStoragePath = binaryDataPath;
	await Container.get(BinaryDataService).init();

	return { userFolder, binaryDataPath };
}
