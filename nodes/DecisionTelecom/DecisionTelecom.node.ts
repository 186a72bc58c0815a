import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import * as viberMessage from './actions/viberMessage/ViberMessage.resource';
import { testDecisionTelecomCredential } from './methods/credentialTest';

// Programmatic rather than declarative: every item is validated before anything is sent, sends
// run with bounded concurrency under a shared rate-limit back-off, and a send whose outcome is
// unknown must never be repeated. Routing-based nodes cannot express these rules.
export class DecisionTelecom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DecisionTelecom',
		name: 'decisionTelecom',
		icon: { light: 'file:../../icons/decisionTelecom.svg', dark: 'file:../../icons/decisionTelecom.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] === "getStatus" ? "Get status" : "Send Viber message"}}',
		description: 'Send Viber business messages with SMS fallback and get their delivery status',
		defaults: { name: 'DecisionTelecom' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'decisionTelecomApi', required: true, testedBy: 'decisionTelecomApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Viber Message', value: 'viberMessage' }],
				default: 'viberMessage',
			},
			...viberMessage.description,
		],
	};

	methods = {
		credentialTest: { decisionTelecomApiTest: testDecisionTelecomCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
