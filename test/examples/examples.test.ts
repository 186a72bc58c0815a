import handleReplies from '../../examples/handle-replies.json';
import notifyByReachability from '../../examples/notify-customers-by-reachability.json';
import sendAndWaitForReply from '../../examples/send-and-wait-for-reply.json';
import sendTwoWay from '../../examples/send-two-way-message.json';
import signUp from '../../examples/sign-up-with-one-time-code.json';
import { DecisionTelecom } from '../../nodes/DecisionTelecom/DecisionTelecom.node';
import { DecisionTelecomTrigger } from '../../nodes/DecisionTelecom/DecisionTelecomTrigger.node';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
}

interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
}

const CORE_TYPES = new Set([
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.switch',
	'n8n-nodes-base.noOp',
	'n8n-nodes-base.set',
	'n8n-nodes-base.code',
	'n8n-nodes-base.webhook',
	'n8n-nodes-base.respondToWebhook',
]);
const OWN_TYPES = new Set([
	'n8n-nodes-decisiontelecom.decisionTelecom',
	'n8n-nodes-decisiontelecom.decisionTelecomTrigger',
]);

const ACTION = 'n8n-nodes-decisiontelecom.decisionTelecom';

/** The names of the action node's fields shown for these parameters' resource and operation. */
function shownParameters(parameters: Record<string, unknown>): Set<string> {
	const { properties } = new DecisionTelecom().description;
	const shows = (show: Record<string, unknown[] | undefined> | undefined) =>
		!show ||
		['resource', 'operation'].every(
			(name) => !show[name] || show[name]?.includes(parameters[name]),
		);
	return new Set(
		properties
			.filter((property) => shows(property.displayOptions?.show))
			.map((property) => property.name),
	);
}

/** The nodes that `from`'s outputs lead to, output by output. */
function outputsOf(workflow: Workflow, from: string): string[][] {
	return workflow.connections[from].main.map((links) => links.map((link) => link.node));
}

describe.each([
	['send-two-way-message.json', sendTwoWay as unknown as Workflow],
	['handle-replies.json', handleReplies as unknown as Workflow],
	['send-and-wait-for-reply.json', sendAndWaitForReply as unknown as Workflow],
	['notify-customers-by-reachability.json', notifyByReachability as unknown as Workflow],
	['sign-up-with-one-time-code.json', signUp as unknown as Workflow],
])('examples/%s', (_file, workflow) => {
	it('uses only core nodes and this package, and connects only existing nodes', () => {
		const names = new Set(workflow.nodes.map((n) => n.name));
		expect(names.size).toBe(workflow.nodes.length);
		for (const node of workflow.nodes) {
			expect(CORE_TYPES.has(node.type) || OWN_TYPES.has(node.type)).toBe(true);
			expect(node.typeVersion).toBeGreaterThan(0);
		}
		for (const [from, { main }] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const link of main.flat()) expect(names.has(link.node)).toBe(true);
		}
	});

	it("sets only parameters the DecisionTelecom node shows for the node's resource and operation", () => {
		for (const node of workflow.nodes.filter((n) => n.type === ACTION)) {
			const shown = shownParameters(node.parameters);
			for (const key of Object.keys(node.parameters))
				expect([node.name, key, shown.has(key)]).toEqual([node.name, key, true]);
		}
	});

	it('references the credential by its type name', () => {
		for (const node of workflow.nodes.filter((n) => OWN_TYPES.has(n.type))) {
			expect(node.credentials?.decisionTelecomApi?.name).toBe('DecisionTelecom account');
		}
	});
});

describe('examples/send-two-way-message.json', () => {
	it('sends a 2-way text and leaves the callback URL to the credential', () => {
		const send = sendTwoWay.nodes.find(
			(n) => n.type === 'n8n-nodes-decisiontelecom.decisionTelecom',
		);
		expect(send?.parameters).toMatchObject({
			resource: 'viberMessage',
			operation: 'send',
			messageKind: 'twoWayText',
		});
		expect(send?.parameters).toHaveProperty('sender');
		expect(send?.parameters).toHaveProperty('recipient');
		expect(send?.parameters).toHaveProperty('text');
		expect(
			(send?.parameters as { additionalFields?: { callbackUrl?: string } }).additionalFields
				?.callbackUrl ?? '',
		).toBe('');
	});
});

describe('examples/handle-replies.json', () => {
	const workflow = handleReplies as unknown as Workflow;
	const trigger = workflow.nodes.find(
		(n) => n.type === 'n8n-nodes-decisiontelecom.decisionTelecomTrigger',
	) as WorkflowNode;

	it('gives the trigger a fixed webhookId and valid parameters', () => {
		expect(trigger.webhookId).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
		const properties = new DecisionTelecomTrigger().description.properties;
		const names = new Set(properties.map((p) => p.name));
		for (const key of Object.keys(trigger.parameters)) expect(names.has(key)).toBe(true);
		expect(trigger.parameters.events).toEqual(['deliveryStatus', 'inboundMessage']);
	});

	it('routes on the trigger output fields', () => {
		const text = JSON.stringify(workflow);
		for (const field of ['$json.eventType', '$json.text', '$json.delivered', '$json.final']) {
			expect(text).toContain(field);
		}
		expect(workflow.connections['DecisionTelecom Trigger'].main[0][0].node).toBe('Event Type');
	});
});

describe('examples/send-and-wait-for-reply.json', () => {
	it('waits for the reply to one 2-way message for at most a day and routes on outcome', () => {
		const wait = sendAndWaitForReply.nodes.find(
			(n) => n.type === 'n8n-nodes-decisiontelecom.decisionTelecom',
		);
		expect(wait?.parameters).toMatchObject({
			operation: 'sendAndWaitForReply',
			messageKind: 'twoWayText',
			limitWaitTime: true,
			resumeUnit: 'days',
		});
		const route = sendAndWaitForReply.nodes.find((n) => n.type === 'n8n-nodes-base.switch');
		expect(JSON.stringify(route?.parameters)).toContain('timedOut');
	});
});

describe('examples/notify-customers-by-reachability.json', () => {
	const workflow = notifyByReachability as unknown as Workflow;
	const byName = (name: string) => workflow.nodes.find((n) => n.name === name) as WorkflowNode;

	it('sends legal notices as plain SMS and looks the other numbers up first', () => {
		expect(outputsOf(workflow, 'Legal Notice?')).toEqual([['Send SMS'], ['Look Up Numbers']]);
		expect(byName('Send SMS').parameters).toMatchObject({ resource: 'sms', operation: 'send' });
		expect(byName('Look Up Numbers').parameters).toMatchObject({
			resource: 'phoneNumber',
			operation: 'lookUp',
		});
	});

	it('sends Viber with SMS fallback only to reachable mobiles, and routes results that are not ready', () => {
		expect(outputsOf(workflow, 'Reachable Mobile?')).toEqual([
			['Send Viber With SMS Fallback'],
			['Not Ready: Try Later'],
			['Not a Reachable Mobile'],
		]);
		const route = JSON.stringify(byName('Reachable Mobile?').parameters);
		for (const field of ['$json.reachableMobile', '$json.ready']) expect(route).toContain(field);
		expect(byName('Send Viber With SMS Fallback').parameters).toMatchObject({
			resource: 'viberMessage',
			operation: 'send',
			recipient: '={{ $json.phoneNumber }}',
			messageKind: 'text',
			category: 'transactional',
			smsFallback: true,
		});
	});
});

describe('examples/sign-up-with-one-time-code.json', () => {
	const workflow = signUp as unknown as Workflow;
	const byName = (name: string) => workflow.nodes.find((n) => n.name === name) as WorkflowNode;

	it('sends a code from the sign-up form and answers with the verification id only', () => {
		expect(byName('Send Code').parameters).toMatchObject({
			resource: 'oneTimeCode',
			operation: 'sendCode',
		});
		expect(outputsOf(workflow, 'Send Code')).toEqual([['Answer Verification ID']]);
		expect(String(byName('Answer Verification ID').parameters.responseBody)).toContain(
			'$json.verificationId',
		);
	});

	it('checks the typed code and routes on every result', () => {
		expect(byName('Check Code').parameters).toMatchObject({
			resource: 'oneTimeCode',
			operation: 'checkCode',
			verificationId: '={{ $json.body.verificationId }}',
			code: '={{ $json.body.code }}',
		});
		const route = JSON.stringify(byName('Result').parameters);
		for (const result of ['"valid"', '"wrongCode"', 'Expired or Unknown'])
			expect(route).toContain(result);
		expect(outputsOf(workflow, 'Result')).toEqual([
			['Welcome'],
			['Ask Again'],
			['Send a New Code'],
		]);
	});

	it('gives both webhooks fixed ids and distinct paths', () => {
		const hooks = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.webhook');
		expect(hooks.map((n) => n.parameters.path)).toEqual(['sign-up', 'check-code']);
		for (const hook of hooks) expect(hook.webhookId).toMatch(/^[0-9a-f-]{36}$/);
	});
});
