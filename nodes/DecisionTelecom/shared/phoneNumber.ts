import { InputIssue } from './inputIssue';

const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/**
 * Turns a phone number as people write it (`+380 (50) 444-44-44`, `00380504444444`) into the
 * international digits DecisionTelecom expects (`380504444444`).
 */
export function normalizePhoneNumber(input: unknown, parameter = 'Recipient'): string {
	const raw =
		typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
	const fix =
		'Enter the number in international format with the country code, e.g. +380 50 444 44 44 or 380504444444.';
	if (raw === '') throw new InputIssue(parameter, 'is empty', fix);
	if (!/^\+?[\d(][\d\s().-]*$/.test(raw)) {
		throw new InputIssue(
			parameter,
			`'${raw}' is not a phone number`,
			`${fix} Only digits, a leading +, spaces, dashes, dots and brackets are allowed.`,
		);
	}
	let digits = raw.replace(/\D/g, '');
	if (!raw.startsWith('+') && digits.startsWith('00')) digits = digits.slice(2);
	if (digits.startsWith('0')) {
		throw new InputIssue(parameter, `'${raw}' has no country code`, fix);
	}
	if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
		throw new InputIssue(
			parameter,
			`'${raw}' has ${digits.length} digits; a phone number has ${MIN_DIGITS} to ${MAX_DIGITS}`,
			fix,
		);
	}
	return digits;
}
