import { fieldTemplate, fillFieldTemplate } from '../../../nodes/DecisionTelecom/runner/itemFields';

/** The template filled from `json`, failing the test when the raw value is no field template. */
function fill(raw: string, json: unknown) {
	const template = fieldTemplate(raw);
	if (template === undefined) throw new Error(`${raw} is no field template`);
	return fillFieldTemplate(template, json);
}

describe('fieldTemplate: which expressions only copy item fields', () => {
	test.each([
		['={{ $json.recipient }}', true],
		['={{$json.a.b_2}}', true],
		['={{  $json.a  }}', true],
		['=Order {{ $json.n }} is ready', false],
		['= {{ $json.n }}', false],
		['={{ $json.n }} shipped', false],
		['={{ $json.a }}{{ $json.b }}', false],
		['=$ "quoted" é {{ $json.a }}', false],
	])('%s is one (alone: %s)', (raw, whole) => {
		expect(fieldTemplate(raw)?.whole).toBe(whole);
	});

	test.each([
		['a plain value', 'Order {{ $json.n }}'],
		['a value that is not text', 5],
		['an expression without a field', '=Order 5'],
		['a computed field', '={{ $json.n + 1 }}'],
		['an indexed field', '={{ $json["n"] }}'],
		['a list entry', '={{ $json.list.0 }}'],
		['another node', '={{ $("Webhook").item.json.n }}'],
		['a method call', '={{ $json.n.toString() }}'],
		['a brace left in the text', '={ {{ $json.n }}'],
		['a closing brace left in the text', '={{ $json.n }}}'],
		['a backslash in the text', '=\\{{ $json.n }}'],
		['an inherited name', '={{ $json.constructor }}'],
		['an inherited name deeper', '=a {{ $json.a.__proto__ }}'],
		['prototype', '={{ $json.prototype }}'],
	])('%s is not', (_name, raw) => {
		expect(fieldTemplate(raw)).toBeUndefined();
	});
});

describe('fillFieldTemplate', () => {
	it('gives a field alone with its own type', () => {
		expect(fill('={{ $json.a }}', { a: 'x' })).toBe('x');
		expect(fill('={{ $json.a }}', { a: 0.5 })).toBe(0.5);
		expect(fill('={{ $json.a }}', { a: false })).toBe(false);
		expect(fill('={{ $json.a.b }}', { a: { b: '=not evaluated' } })).toBe('=not evaluated');
	});

	it('puts text and whole numbers into the text', () => {
		const json = { n: 12, who: { name: 'Ann' } };
		expect(fill('=Order {{ $json.n }} for {{ $json.who.name }}', json)).toBe('Order 12 for Ann');
		expect(fill('={{ $json.n }}{{ $json.n }}', json)).toBe('1212');
		expect(fill('=Order {{ $json.n }}', { n: -0 })).toBe('Order 0');
	});

	test.each([
		['a missing field', '={{ $json.b }}', { a: 'x' }],
		['null', '={{ $json.a }}', { a: null }],
		['an object', '={{ $json.a }}', { a: { b: 1 } }],
		['a list', '={{ $json.a }}', { a: ['x'] }],
		['NaN', '={{ $json.a }}', { a: NaN }],
		['Infinity', '={{ $json.a }}', { a: Infinity }],
		['a path through text', '={{ $json.a.length }}', { a: 'text' }],
		['a path through null', '={{ $json.a.b }}', { a: null }],
		['a path through a list', '={{ $json.a.b }}', { a: Object.assign(['x'], { b: 'y' }) }],
		['a path through a Date', '={{ $json.a.b }}', { a: Object.assign(new Date(0), { b: 'y' }) }],
		['an inherited field', '={{ $json.toString }}', {}],
		['a fraction in text', '=n {{ $json.a }}', { a: 0.5 }],
		['a number beyond 2^53 in text', '=n {{ $json.a }}', { a: 2 ** 53 }],
		['a boolean in text', '=n {{ $json.a }}', { a: true }],
		['null in text', '=n {{ $json.a }}', { a: null }],
		['no item', '={{ $json.a }}', undefined],
	])('leaves %s to n8n', (_name, raw, json) => {
		expect(fill(raw, json)).toBeUndefined();
	});

	it('reads objects without a prototype', () => {
		const json = Object.assign(Object.create(null) as object, { a: 'x' });
		expect(fill('={{ $json.a }}', json)).toBe('x');
	});
});
