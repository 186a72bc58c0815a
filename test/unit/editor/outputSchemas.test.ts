import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { buildSendPlan } from '../../../nodes/DecisionTelecom/actions/viberMessage/sendPayload';
import { describeDelivery } from '../../../nodes/DecisionTelecom/actions/viberMessage/deliveryStatus';
import { sendOutput } from '../../../nodes/DecisionTelecom/actions/viberMessage/messageFields';
import { DecisionTelecom } from '../../../nodes/DecisionTelecom/DecisionTelecom.node';
import { DecisionTelecomTrigger } from '../../../nodes/DecisionTelecom/DecisionTelecomTrigger.node';
import { classifyCallback } from '../../../nodes/DecisionTelecom/trigger/classify';

// n8n's editor asks /schemas/<package>.<node>/<version as x.y.z>/<resource>/<operation>.json, which
// the server reads from __schema__/v<x.y.z>/<resource>/<operation>.json beside the node's file.
const SCHEMA_DIR = '../../../nodes/DecisionTelecom/__schema__';

interface JsonSchema {
	$schema?: string;
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	enum?: unknown[];
}

function versionDir(description: INodeTypeDescription, version = description.version): string {
	return `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
}

function readSchema(...parts: string[]): JsonSchema {
	// A path relative to this file; the lint keeps file-system modules out of the package's code.
	return jest.requireActual<JsonSchema>([SCHEMA_DIR, ...parts].join('/'));
}

/** Every resource of the node with each operation its Operation field offers. */
function resourceOperations(properties: INodeProperties[]): Array<[string, string]> {
	const resources = properties.find((p) => p.name === 'resource')?.options as Array<{
		value: string;
	}>;
	return resources.flatMap(({ value: resource }) => {
		const field = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		);
		return ((field?.options ?? []) as Array<{ value: string }>).map(
			({ value }): [string, string] => [resource, value],
		);
	});
}

function jsonType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

/** The draft-07 checks that matter here: required keys, no unknown keys, types and enums. */
function expectToMatch(schema: JsonSchema, item: Record<string, unknown>): void {
	for (const key of schema.required ?? []) expect(item).toHaveProperty(key);
	for (const [key, value] of Object.entries(item)) {
		const property = schema.properties?.[key];
		expect([key, property !== undefined]).toEqual([key, true]);
		const types = ([] as string[]).concat(property?.type ?? []);
		const type = jsonType(value);
		expect([key, types.includes(type) || (type === 'integer' && types.includes('number'))]).toEqual(
			[key, true],
		);
		if (property?.enum) expect(property.enum).toContain(value);
	}
}

const action = new DecisionTelecom().description;
const trigger = new DecisionTelecomTrigger().description;

describe('output schemas', () => {
	test.each(resourceOperations(action.properties))(
		'%s / %s has a draft-07 schema of one output item',
		(resource, operation) => {
			const schema = readSchema(versionDir(action), resource, `${operation}.json`);
			expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
			// What the editor needs to show it: an object type and at least one property.
			expect(schema.type).toBe('object');
			expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
			for (const key of schema.required ?? []) expect(schema.properties).toHaveProperty(key);
		},
	);

	test('Send: a real output item matches its schema, also with a validity period', () => {
		const schema = readSchema(versionDir(action), 'viberMessage', 'send.json');
		const plan = buildSendPlan({
			sender: 'Shop',
			recipient: '+380 50 444 44 44',
			messageKind: 'text',
			category: 'transactional',
			text: 'Hi',
			smsFallback: true,
			smsText: 'Hi',
			credentials: {},
		});
		expectToMatch(schema, sendOutput(plan, { message_id: 429 }));
	});

	test('Get Status: reports with and without an SMS leg match the schema', () => {
		const schema = readSchema(versionDir(action), 'viberMessage', 'getStatus.json');
		expectToMatch(schema, {
			...describeDelivery({
				message_id: 429,
				status: 4,
				sms_message_id: 36478,
				sms_message_status: 2,
			}),
		});
		expectToMatch(schema, {
			...describeDelivery({ message_id: 429, status: 1 }),
			raw: { message_id: 429, status: 1 },
		});
	});

	// n8n asks for the schema of the node's own version: each trigger version has the same file.
	test.each([trigger.version].flat())(
		"the trigger's schema (version %s) covers both of its events, and real events match it",
		(version) => {
			const schema = readSchema(versionDir(trigger, version), 'output.json');
			const events = trigger.properties.find((p) => p.name === 'events')?.options as Array<{
				value: string;
			}>;
			expect(schema.properties?.eventType.enum).toEqual(events.map((option) => option.value));
			const reply = classifyCallback({
				message_token: 44444444444444,
				phone_number: '972512222222',
				time: 2121212121,
				message: { text: 'Yes', tracking_data: 'tracking_id:100035' },
			});
			const status = classifyCallback({
				message_id: 429,
				status: 4,
				sms_message_id: 36478,
				sms_message_status: 2,
			});
			expectToMatch(schema, { ...reply });
			expectToMatch(schema, { ...status });
		},
	);
});
