import fc from 'fast-check';

import { fieldTemplate, fillFieldTemplate } from '../../nodes/DecisionTelecom/runner/itemFields';
import { evaluatorContext } from '../helpers/evaluatorContext';
import { generatedRuns } from '../helpers/generatedRuns';
import { sendParameters } from '../helpers/workflowHarness';

/**
 * Wherever the node fills a field template from the item itself, the value must be exactly what
 * n8n's expression evaluator gives for that item: it becomes the recipient or the message text.
 */
const names = fc.constantFrom(
	'a',
	'b',
	'recipient',
	'_x',
	'A1',
	'constructor',
	'__proto__',
	'toString',
	'length',
);

// Mostly what a template can be filled with (text, whole numbers, the names 'a' and 'b'), so that
// most cases compare a value; the rest, which the node must leave to n8n, also appear.
const pathName = fc.oneof({ arbitrary: fc.constantFrom('a', 'b'), weight: 6 }, names);

const scalar = fc.oneof(
	{ arbitrary: fc.string(), weight: 8 },
	{ arbitrary: fc.integer(), weight: 8 },
	fc.string({ unit: 'grapheme' }),
	fc.constantFrom('{{ $json.a }}', '=x', '', ' 7 ', '-0'),
	fc.double(),
	fc.constantFrom(0, -0, 2 ** 53, -(2 ** 53), 1e21, 0.1, NaN, Infinity),
	fc.boolean(),
	fc.constant(null),
	fc.constant(new Date(0)),
);

const { value: jsonValue } = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		{ arbitrary: scalar, weight: 6 },
		fc.array(tie('value'), { maxLength: 3 }),
		fc.dictionary(pathName, tie('value'), { maxKeys: 3 }),
	),
}));

const itemJson = fc
	.tuple(fc.record({ a: jsonValue, b: jsonValue }), fc.dictionary(names, jsonValue, { maxKeys: 2 }))
	.map(([known, more]) => ({ ...more, ...known }));

const spaces = fc.constantFrom('', ' ', '  ');
const field = fc
	.tuple(spaces, fc.array(pathName, { minLength: 1, maxLength: 2 }), spaces)
	.map(([before, path, after]) => `{{${before}$json.${path.join('.')}${after}}}`);
const literal = fc.string({
	unit: fc.oneof(
		{ arbitrary: fc.constantFrom('a', ' ', '.', '"', "'", '`', 'é', '$', '\n'), weight: 9 },
		fc.constantFrom('{', '}', '\\'),
	),
	maxLength: 6,
});
const template = fc.oneof(
	field.map((whole) => `=${whole}`),
	fc.array(fc.oneof(field, literal), { minLength: 1, maxLength: 4 }).map((p) => `=${p.join('')}`),
);

describe('field templates against n8n’s expression evaluator', () => {
	it('give exactly the evaluator’s value wherever they give one', () => {
		let filled = 0;
		let cases = 0;
		fc.assert(
			fc.property(template, fc.array(itemJson, { minLength: 1, maxLength: 3 }), (raw, items) => {
				const fields = fieldTemplate(raw);
				const context = evaluatorContext(sendParameters({ text: raw }), items);
				items.forEach((json, itemIndex) => {
					cases++;
					const value = fields && fillFieldTemplate(fields, json);
					if (value === undefined) return;
					filled++;
					expect(value).toBe(context.getNodeParameter('text', itemIndex));
				});
			}),
			{
				numRuns: generatedRuns(1000),
				// own keys named like what every object inherits: n8n refuses or reads them otherwise
				examples: [
					['={{ $json.constructor }}', [{ constructor: 'x' }]],
					['=a {{ $json.__proto__ }}', [JSON.parse('{"__proto__":"x"}') as object]],
					['={{ $json.prototype }}', [{ prototype: 'x' }]],
				],
			},
		);
		// the comparison must not pass by filling nothing (about a fifth of the cases are filled)
		expect(filled).toBeGreaterThan(cases / 10);
	});
});
