import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { router, webhookRouter } from './actions/router';
import * as oneTimeCode from './actions/oneTimeCode/OneTimeCode.resource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import * as sms from './actions/sms/Sms.resource';
import * as viberMessage from './actions/viberMessage/ViberMessage.resource';
import { testDecisionTelecomCredential } from './methods/credentialTest';

const resourceField: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'One-Time Code', value: 'oneTimeCode' },
		{ name: 'Phone Number', value: 'phoneNumber' },
		{ name: 'SMS', value: 'sms' },
		{ name: 'Viber Message', value: 'viberMessage' },
	],
	default: 'viberMessage',
};

/**
 * The node's subtitle in the canvas, by "resource.operation": each operation's action name. One
 * flat map: a nested one would put "}}" into the expression, which ends it.
 */
const SUBTITLES: Record<string, string> = {
	'oneTimeCode.checkCode': 'Check one time code',
	'oneTimeCode.sendCode': 'Send one time code',
	'phoneNumber.lookUp': 'Look up phone number',
	'sms.getStatus': 'Get SMS status',
	'sms.send': 'Send SMS',
	'viberMessage.getStatus': 'Get Viber message status',
	'viberMessage.send': 'Send Viber message',
	'viberMessage.sendAndWaitForDelivery': 'Send Viber message and wait for delivery',
	'viberMessage.sendAndWaitForReply': 'Send Viber message and wait for reply',
};

// The resume URL of a waiting Send and Wait execution: n8n registers it only while the execution
// waits, at /webhook-waiting/<execution id>/<node id>.
const waitingWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

// Programmatic rather than declarative: every item is validated before anything is sent, sends
// run with bounded concurrency under a shared rate-limit back-off, and a send whose outcome is
// unknown must never be repeated. Routing-based nodes cannot express these rules.
export class DecisionTelecom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DecisionTelecom',
		name: 'decisionTelecom',
		icon: {
			light: 'file:../../icons/decisionTelecom.svg',
			dark: 'file:../../icons/decisionTelecom.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(SUBTITLES)}[$parameter["resource"] + "." + $parameter["operation"]] }}`,
		description:
			'Send Viber business messages with SMS fallback and plain SMS, get their delivery status, look up phone numbers and send one-time codes',
		defaults: { name: 'DecisionTelecom' },
		// Used verbatim by the editor's Docs link, which appends tracking parameters to the codex URL.
		documentationUrl:
			'https://github.com/decisiontelecom-n8n/n8n-nodes-decisiontelecom#decisiontelecom-node',
		usableAsTool: {
			replacements: {
				properties: [
					resourceField,
					...oneTimeCode.description,
					...phoneNumber.description,
					...sms.toolDescription,
					...viberMessage.toolDescription,
				],
			} as Partial<INodeTypeDescription>,
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'decisionTelecomApi', required: true, testedBy: 'decisionTelecomApiTest' },
		],
		webhooks: waitingWebhooks,
		properties: [
			resourceField,
			...oneTimeCode.description,
			...phoneNumber.description,
			...sms.description,
			...viberMessage.description,
		],
	};

	methods = {
		credentialTest: { decisionTelecomApiTest: testDecisionTelecomCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await webhookRouter.call(this);
	}
}
