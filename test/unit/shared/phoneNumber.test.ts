import { InputIssue } from '../../../nodes/DecisionTelecom/shared/inputIssue';
import { normalizePhoneNumber } from '../../../nodes/DecisionTelecom/shared/phoneNumber';

const FIX =
	'Enter the number in international format with the country code, e.g. +380 50 444 44 44 or 380504444444.';

/** Runs fn, expects an InputIssue and returns it so its fields can be checked one by one. */
function issueFrom(fn: () => unknown): InputIssue {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputIssue);
		return error as InputIssue;
	}
	throw new Error('expected an InputIssue, but nothing was thrown');
}

describe('normalizePhoneNumber', () => {
	it.each([
		['380504444444', '380504444444'],
		['+380504444444', '380504444444'],
		['+380 (50) 444-44-44', '380504444444'],
		['+380 50 444 44 44', '380504444444'],
		['380.50.444.44.44', '380504444444'],
		['00380504444444', '380504444444'],
		['00 380 50 444 44 44', '380504444444'],
		['  +972512222222  ', '972512222222'],
		['1234567', '1234567'],
		['123456789012345', '123456789012345'],
		['+1 (555) 010-9999', '15550109999'],
	])('%j -> %s', (input, expected) => {
		expect(normalizePhoneNumber(input)).toBe(expected);
	});

	it.each([['-380504444444'], ['.380504444444'], [' - 380504444444'], ['---']])(
		'%j does not start like a phone number',
		(input) => {
			const issue = issueFrom(() => normalizePhoneNumber(input));
			expect(issue.problem).toBe(`'${input.trim()}' is not a phone number`);
		},
	);

	it('accepts a number as n8n passes numeric fields', () => {
		expect(normalizePhoneNumber(380504444444)).toBe('380504444444');
	});

	it.each([[''], ['   '], [undefined], [null], [{}], [true]])('%j is empty', (input) => {
		const issue = issueFrom(() => normalizePhoneNumber(input));
		expect(issue.parameter).toBe('Recipient');
		expect(issue.problem).toBe('is empty');
		expect(issue.fix).toBe(FIX);
		expect(issue.message).toBe('Recipient: is empty');
	});

	it.each([
		['abc'],
		['+380 50 444 44 4x'],
		['380+504444444'],
		['++380504444444'],
		['+'],
		['380/50/4444444'],
	])('%j is not a phone number', (input) => {
		const issue = issueFrom(() => normalizePhoneNumber(input));
		expect(issue.parameter).toBe('Recipient');
		expect(issue.problem).toBe(`'${input}' is not a phone number`);
		expect(issue.fix).toBe(
			`${FIX} Only digits, a leading +, spaces, dashes, dots and brackets are allowed.`,
		);
	});

	it('quotes the trimmed input in the problem', () => {
		expect(issueFrom(() => normalizePhoneNumber('  call me  ')).problem).toBe(
			"'call me' is not a phone number",
		);
	});

	// a leading + means the digits after it are the country code: '+00…' is not read as 00 + code
	it.each([
		['0504444444'],
		['(050) 444-44-44'],
		['+0504444444'],
		['000380504444444'],
		['+00 380 50 444 44 44'],
	])('%j has no country code', (input) => {
		const issue = issueFrom(() => normalizePhoneNumber(input));
		expect(issue.parameter).toBe('Recipient');
		expect(issue.problem).toBe(`'${input}' has no country code`);
		expect(issue.fix).toBe(FIX);
	});

	it.each([
		['123456', 6],
		['+1 234 56', 6],
		['1234567890123456', 16],
		['0012345', 5],
	])('%j has the wrong number of digits (%d)', (input, digits) => {
		const issue = issueFrom(() => normalizePhoneNumber(input));
		expect(issue.parameter).toBe('Recipient');
		expect(issue.problem).toBe(`'${input}' has ${digits} digits; a phone number has 7 to 15`);
		expect(issue.fix).toBe(FIX);
	});

	it('names the parameter it is given', () => {
		const issue = issueFrom(() => normalizePhoneNumber('', 'Phone Number'));
		expect(issue.parameter).toBe('Phone Number');
		expect(issue.message).toBe('Phone Number: is empty');
	});

	it('is an Error whose name is InputIssue', () => {
		const issue = issueFrom(() => normalizePhoneNumber('x'));
		expect(issue).toBeInstanceOf(Error);
		expect(issue.name).toBe('InputIssue');
	});
});
