import fc from 'fast-check';

import {
	checkCodeLength,
	checkLanguage,
	checkTemplateId,
	codesMatch,
	sentCodeOf,
	typedCodeOf,
} from '../../../nodes/DecisionTelecom/actions/oneTimeCode/codeCheck';

describe('typedCodeOf: the code a customer typed', () => {
	test.each([
		['0123', '0123'],
		[' 12 34 ', '1234'],
		['123-456', '123456'],
		['0000000001', '0000000001'],
		[4323, '4323'],
	])('%j is %j', (typed, digits) => {
		expect(typedCodeOf(typed)).toBe(digits);
	});

	test.each([
		[''],
		['123'],
		['12345678901'],
		['12a4'],
		['１２３４'],
		[null],
		[undefined],
		[12.5],
		[{}],
		[[1234]],
		[true],
	])('%j cannot be a code', (typed) => {
		expect(typedCodeOf(typed)).toBeUndefined();
	});
});

describe('sentCodeOf: the pin get-pin answered', () => {
	test.each([
		[4323, '4323'],
		[123, '123'],
		[0, '0'],
		['0123', '0123'],
		[' 123 ', '123'],
	])('%j is %j', (pin, digits) => {
		expect(sentCodeOf(pin)).toBe(digits);
	});

	test.each([
		[null],
		[undefined],
		[''],
		[-1],
		[1.5],
		['12a'],
		['x123'],
		['123x'],
		[['123']],
		[true],
		[{}],
		[Number.MAX_SAFE_INTEGER + 2],
	])('%j is no code', (pin) => {
		expect(sentCodeOf(pin)).toBeUndefined();
	});
});

describe('codesMatch', () => {
	test('a code whose leading zero get-pin lost still matches', () => {
		expect(codesMatch('0123', '123')).toBe(true);
		expect(codesMatch('0000001234', '1234')).toBe(true);
	});

	test('different codes do not match, whatever their length', () => {
		expect(codesMatch('1234', '1235')).toBe(false);
		expect(codesMatch('1234', '12340')).toBe(false);
		expect(codesMatch('1234', '12345678901')).toBe(false);
	});

	test('equal numbers match and different numbers do not (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 9_999_999_999 }),
				fc.integer({ min: 0, max: 9_999_999_999 }),
				fc.integer({ min: 4, max: 10 }),
				(a, b, width) => {
					const typed = String(a).padStart(width, '0');
					expect(codesMatch(typed, String(b))).toBe(a === b);
				},
			),
		);
	});
});

describe('Send Code inputs', () => {
	test.each([
		[4, 4],
		['10', 10],
	])('Code Length %j', (value, length) => {
		expect(checkCodeLength(value)).toBe(length);
	});

	test.each([
		[3, 'Code Length: 3 is not a whole number from 4 to 10'],
		[11, 'Code Length: 11 is not a whole number from 4 to 10'],
		[4.5, 'Code Length: 4.5 is not a whole number from 4 to 10'],
		['', 'Code Length: empty is not a whole number from 4 to 10'],
		[null, 'Code Length: empty is not a whole number from 4 to 10'],
		[undefined, 'Code Length: empty is not a whole number from 4 to 10'],
	])('Code Length %j is refused', (value, message) => {
		expect(() => checkCodeLength(value)).toThrow(message);
	});

	test('Template ID: 0 or more, whole', () => {
		expect(checkTemplateId(0)).toBe(0);
		expect(checkTemplateId('12')).toBe(12);
		expect(() => checkTemplateId(-1)).toThrow('Template ID: -1 is not a whole number of 0 or more');
		expect(() => checkTemplateId(1.5)).toThrow(
			'Template ID: 1.5 is not a whole number of 0 or more',
		);
		// Number('') and Number(null) are 0, a valid ID: an empty Template ID must not become 0.
		for (const empty of [undefined, null, '']) {
			expect(() => checkTemplateId(empty)).toThrow(
				'Template ID: empty is not a whole number of 0 or more',
			);
		}
	});

	test('Language: two letters, lower-cased', () => {
		expect(checkLanguage(' EN ')).toBe('en');
		expect(() => checkLanguage('')).toThrow('Language: is empty');
		expect(() => checkLanguage('eng')).toThrow("Language: 'eng' is not a two-letter language code");
		expect(() => checkLanguage(undefined)).toThrow('Language: is empty');
		expect(() => checkLanguage(12)).toThrow("Language: '12' is not a two-letter language code");
	});

	test.each([
		[() => checkCodeLength(3), 'Enter how many digits the code has: 4 to 10.'],
		[
			() => checkTemplateId(-1),
			'Enter 0 for the default text ("Your verification code: …"), or the ID of a template agreed with DecisionTelecom.',
		],
		[
			() => checkLanguage('eng'),
			'Enter the two-letter code of the language of the code text, e.g. en, uk or es.',
		],
	])('each refusal says how to fix it (%#)', (check, fix) => {
		expect(check).toThrow(expect.objectContaining({ fix }));
	});
});
