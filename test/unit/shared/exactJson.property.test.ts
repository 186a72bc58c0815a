import fc from 'fast-check';

import { generatedRuns } from '../../helpers/generatedRuns';

import { parseExactJson } from '../../../nodes/DecisionTelecom/shared/exactJson';

/**
 * The oracle: a plain character-by-character reader that quotes every integer literal outside a
 * string that is not a safe integer. Slow, but simple enough to trust.
 */
function referenceParse(text: string): unknown {
	let out = '';
	let inString = false;
	for (let i = 0; i < text.length; ) {
		const ch = text[i];
		if (inString) {
			out += ch;
			if (ch === '\\') {
				out += text[i + 1] ?? '';
				i += 2;
				continue;
			}
			if (ch === '"') inString = false;
			i++;
		} else if (ch === '"') {
			inString = true;
			out += ch;
			i++;
		} else if (ch === '-' || (ch >= '0' && ch <= '9')) {
			let end = i + 1;
			while (end < text.length && /[0-9eE.+-]/.test(text[end])) end++;
			const token = text.slice(i, end);
			out += /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token;
			i = end;
		} else {
			out += ch;
			i++;
		}
	}
	return JSON.parse(out);
}

const bigInteger = fc
	.tuple(fc.boolean(), fc.integer({ min: 16, max: 30 }), fc.integer({ min: 1, max: 9 }))
	.chain(([negative, length, first]) =>
		fc
			.stringMatching(new RegExp(`^\\d{${length - 1}}$`))
			.map((rest) => `${negative ? '-' : ''}${first}${rest}`),
	)
	.filter((digits) => !Number.isSafeInteger(Number(digits)));

/** A JSON text with big integer literals spliced in where placeholders were. */
const documentWithBigIntegers = fc
	.tuple(fc.jsonValue({ maxDepth: 4 }), fc.array(bigInteger, { minLength: 1, maxLength: 5 }))
	.map(([value, integers]) => {
		const withHoles = {
			value,
			holes: integers.map((_, index) => `@@BIG${index}@@`),
			nested: [{ id: '@@BIG0@@' }],
		};
		let text = JSON.stringify(withHoles, null, 1);
		integers.forEach((digits, index) => {
			text = text.split(`"@@BIG${index}@@"`).join(digits);
		});
		return { text, integers };
	});

describe('parseExactJson (property-based)', () => {
	it('equals JSON.parse on every JSON document whose integers are safe', () => {
		fc.assert(
			fc.property(fc.json({ maxDepth: 6 }), (text) => {
				fc.pre(!/(?<![\w.+-])-?\d{16,}(?![\d.eE])/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""')));
				expect(parseExactJson(text)).toEqual(JSON.parse(text));
			}),
			{ numRuns: generatedRuns(2000) },
		);
	});

	it('agrees with the character-by-character reader on any JSON document, with or without big integers', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.json({ maxDepth: 6 }),
					documentWithBigIntegers.map((d) => d.text),
				),
				(text) => {
					expect(parseExactJson(text)).toEqual(referenceParse(text));
				},
			),
			{ numRuns: generatedRuns(2000) },
		);
	});

	it('keeps every digit of integers beyond 2^53, wherever they sit', () => {
		fc.assert(
			fc.property(documentWithBigIntegers, ({ text, integers }) => {
				const parsed = parseExactJson(text) as { holes: string[]; nested: Array<{ id: string }> };
				expect(parsed.holes).toEqual(integers);
				expect(parsed.nested[0].id).toBe(integers[0]);
			}),
			{ numRuns: generatedRuns(1000) },
		);
	});

	it('never changes the text inside strings, including escaped quotes and long digit runs', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.string(),
						bigInteger,
						fc.constantFrom('\\', '"', '\\"', '1e99999999999999999'),
					),
					{ maxLength: 8 },
				),
				(parts) => {
					const value = { text: parts.join(''), parts };
					expect(parseExactJson(JSON.stringify(value))).toEqual(value);
				},
			),
			{ numRuns: generatedRuns(1000) },
		);
	});

	it('throws wherever JSON.parse throws on text that is not JSON', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.json().map((text) => text.slice(0, -1)),
					bigInteger.map((d) => `{"a":${d}`),
				),
				(text) => {
					let reference: unknown;
					try {
						reference = referenceParse(text);
					} catch {
						expect(() => parseExactJson(text)).toThrow();
						return;
					}
					expect(parseExactJson(text)).toEqual(reference);
				},
			),
			{ numRuns: generatedRuns(2000) },
		);
	});
});
