import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testDecisionTelecomCredential } from './methods/credentialTest';
import { CREDENTIAL_TYPE } from './transport';
import { handleCallback } from './trigger/webhook';

const WHERE_TO_PASTE =
	"the DecisionTelecom node's 'Callback URL' (Additional Fields) or the credential's 'Default Callback URL'";

export class DecisionTelecomTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DecisionTelecom Trigger',
		name: 'decisionTelecomTrigger',
		icon: {
			light: 'file:../../icons/decisionTelecom.svg',
			dark: 'file:../../icons/decisionTelecom.dark.svg',
		},
		group: ['trigger'],
		// 1.1 behaves as 1. For a start node of version 1, n8n evaluates a binary-data expression in
		// a fresh expression isolate on every request (about a tenth of a callback's CPU time).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ ($parameter["events"] || []).map(e => e === "deliveryStatus" ? "Delivery Status" : "Inbound Message").join(", ") }}',
		description:
			'Starts the workflow when DecisionTelecom reports a delivery status or a customer replies to a 2-way message',
		eventTriggerDescription: 'Waiting for a DecisionTelecom callback',
		activationMessage: 'DecisionTelecom callbacks to the Production URL now start this workflow.',
		defaults: {
			name: 'DecisionTelecom Trigger',
		},
		// Used verbatim by the editor's Docs link, which appends tracking parameters to the codex URL.
		documentationUrl:
			'https://github.com/decisiontelecom-n8n/n8n-nodes-decisiontelecom#receiving-delivery-reports-and-replies',
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CREDENTIAL_TYPE,
				required: false,
				testedBy: 'decisionTelecomApiTest',
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answer at once so DecisionTelecom never times out; 'noData' makes the answer an
				// empty 200 instead of {"message":"Workflow was started"}.
				responseMode: 'onReceived',
				path: 'webhook',
				responseData: 'noData',
			},
		],
		triggerPanel: {
			header: 'Receives DecisionTelecom delivery reports and 2-way replies',
			executionsHelp: {
				inactive: `<b>While building your workflow</b>, click 'Execute step', then send a message whose callback URL is this node's <b>Test URL</b>. The Test URL answers only until the first callback arrives, you click 'Stop Listening' or two minutes have passed, and DecisionTelecom freezes the callback URL into each message when it is sent, so callbacks that arrive later, or of messages sent with another URL, never show up here.<br /><br /><b>Once you're happy with your workflow</b>, publish it. Callbacks to the <b>Production URL</b> then start executions, which you find in the list of executions.`,
				active: `<b>While building your workflow</b>, click 'Execute step', then send a message whose callback URL is this node's <b>Test URL</b>; it answers only until the first callback arrives, you click 'Stop Listening' or two minutes have passed.<br /><br /><b>Your workflow is published</b>: callbacks to the <b>Production URL</b> start executions automatically, which you find in the list of executions.`,
			},
			activationHint: {
				inactive:
					'Once you have finished building your workflow, publish it: callbacks to the Production URL then start it (those executions do not show up here).',
				active:
					'Callbacks to the Production URL also start this workflow automatically (those executions do not show up here).',
			},
		},
		properties: [
			{
				// The one place that says where the Production URL goes: always in view, beside the URLs.
				displayName: `Paste this node's <b>Production URL</b> into ${WHERE_TO_PASTE}, and publish the workflow. The callback URL is frozen into each message when it is sent. Set a Callback Secret in the credential so that only genuine callbacks start the workflow.`,
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['deliveryStatus', 'inboundMessage'],
				description:
					'Which callbacks start the workflow. Callbacks of other events are answered and ignored.',
				options: [
					{
						name: 'Delivery Status',
						value: 'deliveryStatus',
						description: 'A Viber message (or its SMS fallback) changed status',
					},
					{
						name: 'Inbound Message',
						value: 'inboundMessage',
						description: "A customer's reply to a 2-way message",
					},
				],
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return a simplified version of the callback instead of also including the raw body',
			},
		],
	};

	methods = {
		credentialTest: {
			decisionTelecomApiTest: testDecisionTelecomCredential,
		},
	};

	webhookMethods = {
		default: {
			// Nothing is registered at DecisionTelecom: the callback URL travels with each message
			// (callback_url), so there is never a subscription to look up.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			// Nothing to create: the user pastes the Production URL into the node or the credential.
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			// Nothing to remove at DecisionTelecom; n8n stops answering the URL by itself.
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleCallback(this);
	}
}
