import { redactText, redactValue, secretsOf } from '../../../nodes/DecisionTelecom/shared/redact';
import { fakeSecret } from '../../helpers/fakeSecret';

const SECRET = fakeSecret('abc');

describe('secretsOf', () => {
	it('collects the access key, its Basic form and both callback secrets', () => {
		const key = fakeSecret('key');
		const previous = fakeSecret('prev');
		expect(
			secretsOf({
				apiKey: key,
				callbackSecret: SECRET,
				previousCallbackSecret: previous,
				baseUrl: 'https://x',
			}),
		).toEqual([key, SECRET, previous, Buffer.from(key).toString('base64')]);
	});

	it('leaves out values too short to search for without mangling ordinary text', () => {
		expect(secretsOf({ apiKey: 'k', callbackSecret: '' })).toEqual([]);
	});
});

describe('redactText', () => {
	it('removes every secret and every secret= query value', () => {
		expect(redactText(`a ${SECRET} b https://h/w?x=1&SECRET=zzz#f`, [SECRET])).toBe(
			'a [redacted] b https://h/w?x=1&SECRET=[redacted]#f',
		);
	});

	it('does not search for short values', () => {
		expect(redactText('a b c', ['a'])).toBe('a b c');
	});
});

describe('redactValue', () => {
	it('removes the secret from strings and keys, deeply, without touching the input', () => {
		const input = {
			url: `https://h/webhook?a=1&secret=${SECRET}&b=2`,
			list: [SECRET, 1, null],
			[SECRET]: { nested: `x${SECRET}y` },
		};
		const copy = JSON.parse(JSON.stringify(input));
		expect(redactValue(input, [SECRET])).toEqual({
			url: 'https://h/webhook?a=1&secret=[redacted]&b=2',
			list: ['[redacted]', 1, null],
			'[redacted]': { nested: 'x[redacted]y' },
		});
		expect(input).toEqual(copy);
	});

	it('keeps a __proto__ key as a plain property', () => {
		const parsed = JSON.parse('{"__proto__":{"polluted":true}}');
		const result = redactValue(parsed, [SECRET]) as Record<string, unknown>;
		expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
		expect(Object.keys(result)).toEqual(['__proto__']);
	});
});
