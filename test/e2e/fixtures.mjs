// What the e2e suite imports into n8n: the two credentials, and the building blocks of the
// scenarios' workflows (each scenario file declares its own workflows with these).
export const PKG = 'n8n-nodes-decisiontelecom';
export const ACTION = `${PKG}.decisionTelecom`;
export const TRIGGER = `${PKG}.decisionTelecomTrigger`;
export const ACCESS_KEY = 'e2eAccessKey7f3a9c1d4b';
export const WRONG_KEY = 'e2eWrongKey0000';
export const CALLBACK_SECRET = 'e2eCbSecret5b8e2d4f61';
export const DEFAULT_CALLBACK = 'https://hooks.example.com/default-callback';
export const OWNER = { email: 'e2e-owner@example.com', password: 'E2e-owner-password-1' };
export const CRED = { id: 'dtE2eCredMock001', name: 'DecisionTelecom (mock)' };
export const CRED_WRONG = { id: 'dtE2eCredWrong01', name: 'DecisionTelecom (wrong key)' };

export const basic = (key) => `Basic ${Buffer.from(key).toString('base64')}`;

/** Both credentials, pointing at the mock. */
export function credentials(mockUrl) {
	const baseUrl = `${mockUrl}/v1/api`;
	const data = {
		apiKey: ACCESS_KEY,
		baseUrl,
		callbackSecret: CALLBACK_SECRET,
		defaultCallbackUrl: DEFAULT_CALLBACK,
	};
	return [
		{ ...CRED, type: 'decisionTelecomApi', data },
		{
			...CRED_WRONG,
			type: 'decisionTelecomApi',
			data: { apiKey: WRONG_KEY, baseUrl, callbackSecret: '', defaultCallbackUrl: '' },
		},
	];
}

export function workflow(id, name, nodes, connections) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: {
			executionOrder: 'v1',
			saveManualExecutions: true,
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
		pinData: {},
	};
}

const manual = {
	id: 'a0000000-0000-4000-8000-000000000001',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

let nodeCounter = 0;

/** A DecisionTelecom action node (resource Viber Message unless the parameters say otherwise). */
export function actionNode(name, parameters, cred = CRED, extra = {}) {
	nodeCounter++;
	return {
		id: `b0000000-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`,
		name,
		type: ACTION,
		typeVersion: 1,
		position: [300, nodeCounter * 160],
		parameters: { resource: 'viberMessage', ...parameters },
		credentials: { decisionTelecomApi: cred },
		...extra,
	};
}

/** A Webhook node (POST /webhook/<path>) that answers at once and starts the workflow. */
export function webhookStart(id, webhookId, path) {
	return {
		id,
		name: 'Order Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		webhookId,
	};
}

/** Connections `a -> b -> c ...` by node name. */
export function linked(nodes) {
	const connections = {};
	nodes
		.slice(0, -1)
		.forEach((node, i) => Object.assign(connections, fanOut(node.name, [nodes[i + 1].name])));
	return connections;
}

/** A Code node that returns the items `jsCode` makes. */
export function codeNode(id, name, jsCode) {
	return {
		id,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, 0],
		parameters: { jsCode },
	};
}

/** Connections from one node to each of `names`. */
function fanOut(from, names) {
	return { [from]: { main: [names.map((node) => ({ node, type: 'main', index: 0 }))] } };
}

/** Start -> each of `nodes`, side by side, as one manually started workflow. */
export function sideBySide(id, name, nodes) {
	return workflow(
		id,
		name,
		[manual, ...nodes],
		fanOut(
			manual.name,
			nodes.map((n) => n.name),
		),
	);
}

/** Start -> `nodes[0]` -> `nodes[1]` -> ... as one manually started workflow. */
export function chain(id, name, nodes) {
	return workflow(id, name, [manual, ...nodes], linked([manual, ...nodes]));
}
/** A valid Send (2-way text, no callback URL of its own): the base of most scenarios' nodes. */
export const TWO_WAY_SEND = {
	operation: 'send',
	sender: 'Shop',
	recipient: '+380501234567',
	messageKind: 'twoWayText',
	category: 'promotional',
	text: 'Reply YES to confirm your order',
	additionalFields: {},
	options: {},
};

/** What Get Status and the trigger report for a Viber message undelivered, then delivered by SMS. */
export const DELIVERED_BY_SMS = {
	viberStatus: 4,
	viberStatusName: 'undelivered',
	smsMessageId: '36478',
	smsStatus: 2,
	smsStatusName: 'delivered',
	final: true,
	delivered: true,
	deliveredVia: 'sms',
};
