import handleReplies from '../../examples/handle-replies.json';
import sendAndWaitForReply from '../../examples/send-and-wait-for-reply.json';
import sendTwoWay from '../../examples/send-two-way-message.json';
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
]);
const OWN_TYPES = new Set([
	'n8n-nodes-decisiontelecom.decisionTelecom',
	'n8n-nodes-decisiontelecom.decisionTelecomTrigger',
]);

describe.each([
	['send-two-way-message.json', sendTwoWay as unknown as Workflow],
	['handle-replies.json', handleReplies as unknown as Workflow],
	['send-and-wait-for-reply.json', sendAndWaitForReply as unknown as Workflow],
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
		const wait = sendAndWaitForReply.nodes.find((n) => n.type === 'n8n-nodes-decisiontelecom.decisionTelecom');
		expect(wait?.parameters).toMatchObject({ operation: 'sendAndWaitForReply', messageKind: 'twoWayText', limitWaitTime: true, resumeUnit: 'days' });
		const route = sendAndWaitForReply.nodes.find((n) => n.type === 'n8n-nodes-base.switch');
		expect(JSON.stringify(route?.parameters)).toContain('timedOut');
	});
});
