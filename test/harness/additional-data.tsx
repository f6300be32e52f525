import { Container } from '@n8n/di';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

const BASE_URL = 'http://localhost:5678';

const unsupported = (what: string) => async (): Promise<never> => {
	throw new UnexpectedError(`The test harness does not support ${what}`);
};

/**
 * What the CLI's WorkflowExecuteAdditionalData.getBase (packages/cli/src/
 * workflow-execute-additional-data.ts) hands WorkflowExecute, reduced to what nodes of this
 * package reach: the credentials helper, the lifecycle hooks and the URLs. No SSRF bridge
 * is set, as on an instance without SSRF protection, so requests to 127.0.0.1 are allowed.
 */
export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	executionId: string,
	workflowId: string,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		variables: {},
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		executeWorkflow: unsupported('sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('task runners (Code node)'),
	};
}
