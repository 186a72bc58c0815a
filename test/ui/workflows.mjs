// The workflows the UI suite creates through n8n's REST API (as the editor would on import).
const ACTION = 'n8n-nodes-decisiontelecom.decisionTelecom';
export const TRIGGER_WEBHOOK_ID = '5f0c6f4e-3c1a-4d7e-9a52-0b6d2ad1c0de';

const manual = {
	id: 'u1',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function node(id, name, parameters, x, credential) {
	return {
		id,
		name,
		type: ACTION,
		typeVersion: 1,
		position: [x, 0],
		parameters: { resource: 'viberMessage', ...parameters },
		...(credential && { credentials: { decisionTelecomApi: credential } }),
	};
}

const chain = (...names) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);

const SEND = {
	operation: 'send',
	sender: 'Shop',
	recipient: '+380 50 444 44 44',
	messageKind: 'text',
	text: 'Hello',
};

/** Manual trigger and a Send node without a credential: the user connects one in the form. */
export function sendWorkflow() {
	return {
		name: 'UI: Send',
		nodes: [manual, node('u2', 'Send', SEND, 300)],
		connections: chain('Start', 'Send'),
		settings: { executionOrder: 'v1' },
	};
}

/** Send, then Get Status left at its defaults. */
export function statusWorkflow(credential) {
	return {
		name: 'UI: Get Status',
		nodes: [
			manual,
			node('u2', 'Send', SEND, 300, credential),
			node('u3', 'Get Status', { operation: 'getStatus' }, 600, credential),
		],
		connections: chain('Start', 'Send', 'Get Status'),
		settings: { executionOrder: 'v1' },
	};
}

export function triggerWorkflow(credential) {
	return {
		name: 'UI: Trigger',
		nodes: [
			{
				id: 'u4',
				name: 'DecisionTelecom Trigger',
				type: `${ACTION}Trigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: { events: ['deliveryStatus', 'inboundMessage'] },
				credentials: { decisionTelecomApi: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** Each operation of the other resources in a row, then a No Operation node to preview the last. */
export const TOOLBOX_NODES = [
	['Send SMS', 'sms', 'send', { sender: 'InfoItd', recipient: '+380 63 213 21 21', text: 'Hi' }],
	['SMS Status', 'sms', 'getStatus', {}],
	['Look Up', 'phoneNumber', 'lookUp', { phoneNumber: '+380636151111', maxWait: 10 }],
	['Send Code', 'oneTimeCode', 'sendCode', { phoneNumber: '+380776557788' }],
	[
		'Check Code',
		'oneTimeCode',
		'checkCode',
		{ verificationId: '={{ $json.verificationId }}', code: '0000' },
	],
];

export function toolboxWorkflow(credential) {
	const nodes = TOOLBOX_NODES.map(([name, resource, operation, parameters], i) =>
		node(`t${i}`, name, { resource, operation, ...parameters }, 300 * (i + 1), credential),
	);
	const done = {
		...manual,
		id: 'tz',
		name: 'Done',
		type: 'n8n-nodes-base.noOp',
		position: [1800, 0],
	};
	return {
		name: 'UI: SMS, lookup and one-time code',
		nodes: [manual, ...nodes, done],
		connections: chain('Start', ...TOOLBOX_NODES.map(([name]) => name), 'Done'),
		settings: { executionOrder: 'v1' },
	};
}
