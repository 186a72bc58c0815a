import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import { ParameterReader } from '../../../nodes/DecisionTelecom/runner/parameters';

type Evaluator = (name: string, itemIndex: number) => unknown;

/**
 * A context whose getNodeParameter answers `name@item` (or what `evaluate` gives) and counts its
 * calls per name, over three items with these JSON objects.
 */
function readerOf(
	parameters: INodeParameters,
	itemJsons: object[] = [{}, {}, {}],
	evaluate: Evaluator = (name, itemIndex) => `${name}@${itemIndex}`,
) {
	const calls: Record<string, number> = {};
	let nodeCopies = 0;
	const context = {
		getNode: () => {
			nodeCopies++;
			return { parameters };
		},
		getInputData: () => itemJsons.map((json) => ({ json })),
		getNodeParameter: (name: string, itemIndex: number) => {
			calls[name] = (calls[name] ?? 0) + 1;
			return evaluate(name, itemIndex);
		},
	} as unknown as IExecuteFunctions;
	const reader = new ParameterReader(context);
	const readAll = (name: string) => [0, 1, 2].map((itemIndex) => reader.get(name, itemIndex));
	return { readAll, calls, nodeCopies: () => nodeCopies };
}

describe('ParameterReader: plain values once per run, expressions once per item', () => {
	test.each([
		['a plain text', { text: 'hi' }, 'text'],
		['a number', { n: 5 }, 'n'],
		['a collection of plain values, null among them', { c: { a: 'x', b: null, d: [1] } }, 'c'],
		['a list of plain values', { list: ['x', 'y'] }, 'list'],
		['a parameter that is not set', {}, 'missing'],
		['a plain value beside an expression', { text: 'hi', other: '={{ 1 }}' }, 'text'],
		['a path that is not set', {}, 'options.sendOnce'],
		['a path through a value that is not an object', { options: 'x' }, 'options.sendOnce'],
		['a path through null', { options: null }, 'options.sendOnce.values'],
	])('%s is read once', (_name, parameters, name) => {
		const { readAll, calls } = readerOf(parameters as INodeParameters);
		expect(readAll(name)).toEqual([`${name}@0`, `${name}@0`, `${name}@0`]);
		expect(calls[name]).toBe(1);
	});

	test.each([
		['an expression', { text: '={{ $json.t }}' }, 'text'],
		['an expression deep in a collection', { c: { a: 'x', b: { d: '={{ 1 }}' } } }, 'c'],
		['an expression in a list after a plain value', { list: ['x', '={{ 1 }}'] }, 'list'],
		['an expression in a list of collections', { list: [{ a: 'x' }, { b: '={{ 1 }}' }] }, 'list'],
		[
			'an expression reached by a path',
			{ options: { sendOnce: { key: '={{ 1 }}' } } },
			'options.sendOnce.key',
		],
	])('%s is read for each item', (_name, parameters, name) => {
		const { readAll, calls, nodeCopies } = readerOf(parameters as INodeParameters);
		expect(readAll(name)).toEqual([`${name}@0`, `${name}@1`, `${name}@2`]);
		expect(calls[name]).toBe(3);
		// getNode() copies the whole node: asked once per name, not once per item
		expect(nodeCopies()).toBe(1);
	});
});

describe('ParameterReader: expressions that only copy item fields', () => {
	const items = [{ t: 'a' }, { t: 'b' }, { t: 7 }];
	// what n8n's evaluator gives for `=Order {{ $json.t }}`
	const order: Evaluator = (_name, itemIndex) => `Order ${String(items[itemIndex].t)}`;

	it('are read from the item once the evaluator gave the same value for one item', () => {
		const { readAll, calls } = readerOf({ text: '=Order {{ $json.t }}' }, items, order);
		expect(readAll('text')).toEqual(['Order a', 'Order b', 'Order 7']);
		expect(calls.text).toBe(1);
	});

	it.each([
		['until an item can be filled', [{}, { t: 'b' }, { t: 'c' }], ['undefined', 'b', 'c']],
		['for an item that cannot be', [{ t: 'a' }, { t: null }, { t: 'c' }], ['a', 'null', 'c']],
	])('are read by the evaluator %s', (_name, some: Array<{ t?: unknown }>, texts) => {
		const evaluate: Evaluator = (_n, itemIndex) => `Order ${String(some[itemIndex].t)}`;
		const { readAll, calls } = readerOf({ text: '=Order {{ $json.t }}' }, some, evaluate);
		expect(readAll('text')).toEqual(texts.map((text) => `Order ${text}`));
		expect(calls.text).toBe(2);
	});

	it('are never read from the item once the evaluator gave another value', () => {
		const evaluate: Evaluator = (_name, itemIndex) => `Order #${String(items[itemIndex].t)}`;
		const { readAll, calls } = readerOf({ text: '=Order {{ $json.t }}' }, items, evaluate);
		expect(readAll('text')).toEqual(['Order #a', 'Order #b', 'Order #7']);
		expect(calls.text).toBe(3);
	});

	it('keep the value type of a field given alone', () => {
		const evaluate: Evaluator = (_name, itemIndex) => items[itemIndex].t;
		const { readAll, calls } = readerOf({ text: '={{ $json.t }}' }, items, evaluate);
		expect(readAll('text')).toEqual(['a', 'b', 7]);
		expect(calls.text).toBe(1);
	});
});
