// Section 4's receivers, each alone in a published workflow that saves every execution: n8n's
// core Webhook node (POST, respond immediately) without and with Header Auth, and the
// DecisionTelecom Trigger without and with a Callback Secret.
import crypto from 'node:crypto';

import { CALLBACK_SECRET, CRED_HEADER, CRED_SECRET, HEADER_AUTH } from './settings.mjs';

const SETTINGS = {
	executionOrder: 'v1',
	saveDataSuccessExecution: 'all',
	saveDataErrorExecution: 'all',
	saveManualExecutions: true,
};

function single(id, node) {
	return {
		id,
		name: `Bench ${id}`,
		active: false,
		nodes: [{ id: crypto.randomUUID(), position: [0, 0], ...node }],
		connections: {},
		settings: SETTINGS,
		pinData: {},
	};
}

function coreWebhook(path, webhookId, auth) {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'onReceived',
			...(auth ? { authentication: 'headerAuth' } : {}),
			options: {},
		},
		...(auth ? { credentials: { httpHeaderAuth: CRED_HEADER } } : {}),
	};
}

function ours(webhookId, secret) {
	return {
		name: 'DecisionTelecom Trigger',
		type: 'n8n-nodes-decisiontelecom.decisionTelecomTrigger',
		typeVersion: 1.1,
		webhookId,
		parameters: { events: ['deliveryStatus', 'inboundMessage'] },
		...(secret ? { credentials: { decisionTelecomApi: CRED_SECRET } } : {}),
	};
}

const IDS = {
	core: 'b4000000-0000-4000-8000-000000000001',
	coreAuth: 'b4000000-0000-4000-8000-000000000002',
	ours: 'b4000000-0000-4000-8000-000000000003',
	oursSecret: 'b4000000-0000-4000-8000-000000000004',
};

/** The four receivers in the order they run: label, workflow id, callback URL and headers. */
export function receivers(baseUrl) {
	return [
		{ label: "n8n's Webhook node, no auth", id: 'cbCore', url: `${baseUrl}webhook/bench-cb-core` },
		{
			label: 'DecisionTelecom Trigger, no Callback Secret',
			id: 'cbOurs',
			url: `${baseUrl}webhook/${IDS.ours}/webhook`,
		},
		{
			label: "n8n's Webhook node, Header Auth",
			id: 'cbCoreAuth',
			url: `${baseUrl}webhook/bench-cb-core-auth`,
			headers: { [HEADER_AUTH.name]: HEADER_AUTH.value },
		},
		{
			label: 'DecisionTelecom Trigger, Callback Secret',
			id: 'cbOursSecret',
			url: `${baseUrl}webhook/${IDS.oursSecret}/webhook?secret=${CALLBACK_SECRET}`,
		},
	];
}

/** The credentials and workflows for bootN8n's `fixtures`. */
export function triggerFixtures(mockUrl) {
	const data = {
		apiKey: 'unused',
		baseUrl: `${mockUrl}/v1/api`,
		callbackSecret: CALLBACK_SECRET,
		defaultCallbackUrl: '',
	};
	return {
		credentials: [
			{ ...CRED_SECRET, type: 'decisionTelecomApi', data },
			{ ...CRED_HEADER, type: 'httpHeaderAuth', data: HEADER_AUTH },
		],
		workflows: {
			cbCore: single('cbCore', coreWebhook('bench-cb-core', IDS.core, false)),
			cbCoreAuth: single('cbCoreAuth', coreWebhook('bench-cb-core-auth', IDS.coreAuth, true)),
			cbOurs: single('cbOurs', ours(IDS.ours, false)),
			cbOursSecret: single('cbOursSecret', ours(IDS.oursSecret, true)),
		},
	};
}
