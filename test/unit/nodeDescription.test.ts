import { Workflow, type INode, type INodeProperties, type INodeTypes } from 'n8n-workflow';

import { DecisionTelecom } from '../../nodes/DecisionTelecom/DecisionTelecom.node';
import { DecisionTelecomTrigger } from '../../nodes/DecisionTelecom/DecisionTelecomTrigger.node';

const nodeType = new DecisionTelecom();
const { description } = nodeType;

/** Every resource with the operations its Operation field offers. */
function operationsByResource(properties: INodeProperties[]): Array<[string, string]> {
	const resources = properties.find((property) => property.name === 'resource')?.options as Array<{
		value: string;
	}>;
	return resources.flatMap(({ value: resource }) => {
		const field = properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes(resource),
		);
		return ((field?.options ?? []) as Array<{ value: string }>).map(
			({ value }): [string, string] => [resource, value],
		);
	});
}

/** The subtitle as n8n's editor computes it, with n8n's own expression evaluator. */
function subtitleOf(resource: string, operation: string): unknown {
	const node: INode = {
		id: '1',
		name: 'DecisionTelecom',
		type: 'decisionTelecom',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource, operation },
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		String(description.subtitle),
		'internal',
		{},
	);
}

describe('DecisionTelecom node description', () => {
	test.each(operationsByResource(description.properties))(
		'%s / %s has a subtitle',
		(resource, operation) => {
			expect(subtitleOf(resource, operation)).toEqual(expect.stringMatching(/^[A-Z]/));
		},
	);

	test('the AI tool offers every resource, and each of its operations there', () => {
		const tool = (description.usableAsTool as { replacements: { properties: INodeProperties[] } })
			.replacements.properties;
		const resources = (
			tool.find((property) => property.name === 'resource')?.options as Array<{ value: string }>
		).map((option) => option.value);
		expect(new Set(operationsByResource(tool).map(([resource]) => resource))).toEqual(
			new Set(resources),
		);
	});

	test('the resources are listed in alphabetical order', () => {
		const names = (description.properties[0].options as Array<{ name: string }>).map(
			(option) => option.name,
		);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});

describe('parameters that n8n 1.x can resolve', () => {
	// n8n 1.x orders parameters by the names their displayOptions name, at the same level; a name
	// it cannot find there (a field inside a collection, a `/root` path) makes every run fail with
	// "Could not resolve parameter dependencies". n8n 2.x skips such names.
	test.each([
		['DecisionTelecom', description.properties],
		['DecisionTelecom Trigger', new DecisionTelecomTrigger().description.properties],
	])('%s: displayOptions name only parameters of the same level', (_node, properties) => {
		const check = (level: INodeProperties[]) => {
			const names = new Set(level.map((property) => property.name));
			for (const property of level) {
				const rules = Object.values(property.displayOptions ?? {}) as Array<object | undefined>;
				for (const key of rules.flatMap((rule) => Object.keys(rule ?? {})))
					if (!key.startsWith('@'))
						expect([property.name, key, names.has(key)]).toEqual([property.name, key, true]);
			}
		};
		check(properties);
	});
});
