/**
 * Runs our nodes inside n8n's real execution engine (n8n-core's WorkflowExecute), with real
 * parameter resolution, real credential authentication and the real HTTP helpers. Only the
 * surroundings a server would provide (node-type registry, credential store) are stubbed.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import nock from 'nock';
import {
	ICredentialsHelper,
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { DecisionTelecomApi } from '../../credentials/DecisionTelecomApi.credentials';
import { DecisionTelecom } from '../../nodes/DecisionTelecom/DecisionTelecom.node';

export const TEST_ACCESS = 'test-access-key-7f3a';
export const MOCK_BASE_URL = 'http://127.0.0.1:18080/v1/api';
export const EXPECTED_AUTHORIZATION = `Basic ${Buffer.from(TEST_ACCESS).toString('base64')}`;

let apiRequests = 0;
const countRequest = () => apiRequests++;

/**
 * Counts every request that reached nock in this test, matched or not, so a test can assert that
 * nothing was sent, or that a send was made exactly once even where a retry would also match.
 */
export function countApiRequests(): () => number {
	beforeEach(() => {
		apiRequests = 0;
		nock.emitter.on('no match', countRequest);
	});
	afterEach(() => {
		nock.emitter.removeListener('no match', countRequest);
	});
	return () => apiRequests;
}

/** A nock scope for the mock base URL that only matches requests with the right Basic header. */
export function mockApi() {
	const scope = nock(new URL(MOCK_BASE_URL).origin, {
		reqheaders: { authorization: EXPECTED_AUTHORIZATION },
	});
	scope.on('request', countRequest);
	return scope;
}

/** Parameters of a valid Send of a text message, with overrides. */
export function sendParameters(overrides: Record<string, unknown> = {}): INodeParameters {
	return {
		resource: 'viberMessage',
		operation: 'send',
		sender: 'Custom company',
		recipient: '380504444444',
		messageKind: 'text',
		text: 'Message content',
		...overrides,
	} as INodeParameters;
}

/** Emits the items given in its `items` parameter; stands in for a Manual Trigger. */
class ItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Test source',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string;
		const items = JSON.parse(raw) as object[];
		return [
			items.map((json, index) => ({
				json: json as INodeExecutionData['json'],
				pairedItem: { item: index },
			})),
		];
	}
}

const nodeTypeRegistry: Record<string, INodeType> = {
	'test.items': new ItemsSource(),
	'n8n-nodes-decisiontelecom.decisionTelecom': new DecisionTelecom(),
};

export const nodeTypes: INodeTypes = {
	getByName: (name) => nodeTypeRegistry[name] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (name) => nodeTypeRegistry[name],
	getKnownTypes: () => ({}),
};

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	// As n8n's server does for a credential whose `authenticate` is a function.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return await new DecisionTelecomApi().authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return new DecisionTelecomApi().properties;
	}
}

export interface RunResult {
	run: IRun;
	/** Output items of the DecisionTelecom node (first output), or undefined if it did not run. */
	output: INodeExecutionData[] | undefined;
	error: (Error & { description?: string; context?: Record<string, unknown> }) | undefined;
}

export interface RunOptions {
	items: object[];
	parameters: INodeParameters;
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** Node settings such as retryOnFail, and the node's id and name. */
	node?: Partial<INode>;
	/** Another workflow id, for tests of stores kept per workflow. */
	workflowId?: string;
}

export function credentialData(
	extra: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		apiKey: TEST_ACCESS,
		baseUrl: MOCK_BASE_URL,
		callbackSecret: '',
		defaultCallbackUrl: '',
		...extra,
	};
}

/** Runs Items -> DecisionTelecom in WorkflowExecute and returns the DecisionTelecom node's result. */
export async function runDecisionTelecom(options: RunOptions): Promise<RunResult> {
	const nodes: INode[] = [
		{
			id: '1',
			name: 'Items',
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items) },
		},
		{
			id: '2',
			name: 'DecisionTelecom',
			type: 'n8n-nodes-decisiontelecom.decisionTelecom',
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { decisionTelecomApi: { id: 'cred-1', name: 'DecisionTelecom (test)' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...options.node,
		},
	];
	const workflowId = options.workflowId ?? 'wf-test';
	const nodeName = nodes[1].name;
	const workflow = new Workflow({
		id: workflowId,
		nodes,
		connections: { Items: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		id: workflowId,
		name: 'test',
		active: false,
		isArchived: false,
		nodes,
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);

	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(options.credentials ?? credentialData()),
		hooks,
		executionId: 'exec-1',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		executeWorkflow: undefined,
		getRunExecutionData: undefined,
		getRuntimeCredential: undefined,
		logAiEvent: () => {},
		startRunnerTask: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	} as never);
	const run = await new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);

	const taskData = run.data.resultData.runData[nodeName]?.[0];
	return {
		run,
		output: taskData?.data?.main?.[0] ?? undefined,
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
	};
}
