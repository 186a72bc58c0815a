import { ExecuteContext } from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { nodeTypes } from './workflowHarness';

/**
 * n8n-core's own execution context of the DecisionTelecom node with these parameters and input
 * items, without running a workflow: its getNodeParameter is n8n's expression evaluator.
 */
export function evaluatorContext(
	parameters: INodeParameters,
	itemJsons: object[],
): IExecuteFunctions {
	const node: INode = {
		id: '2',
		name: 'DecisionTelecom',
		type: 'n8n-nodes-decisiontelecom.decisionTelecom',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({
		id: 'wf-evaluator',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const items = itemJsons.map((json) => ({ json }) as INodeExecutionData);
	// what n8n's getAdditionalKeys reads for $execution and $vars
	const additionalData = {
		executionId: 'exec-1',
		variables: {},
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
	return new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		createRunExecutionData(),
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
		new AbortController().signal,
	);
}
