import { timingSafeEqual } from 'crypto';

import { asText, numberOf } from '../../shared/inputChecks';
import { InputIssue } from '../../shared/inputIssue';

export const CODE_LENGTH = { min: 4, max: 10, default: 4 };

/**
 * The code a customer typed, as digits: spaces and dashes are dropped. Undefined when it is not
 * 4 to 10 digits, the only codes DecisionTelecom sends, so it cannot be right.
 */
export function typedCodeOf(value: unknown): string | undefined {
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	const digits = String(value).replace(/[\s-]/g, '');
	return /^\d+$/.test(digits) &&
		digits.length >= CODE_LENGTH.min &&
		digits.length <= CODE_LENGTH.max
		? digits
		: undefined;
}

/**
 * The code get-pin answered, as digits. DecisionTelecom sends it as a JSON number, so a code
 * with leading zeros comes without them (0123 as 123); the comparison makes up for that.
 */
export function sentCodeOf(pin: unknown): string | undefined {
	if (typeof pin === 'number')
		return Number.isSafeInteger(pin) && pin >= 0 ? String(pin) : undefined;
	if (typeof pin === 'string' && /^\s*\d{1,10}\s*$/.test(pin)) return pin.trim();
	return undefined;
}

/**
 * Whether the typed code is the one sent, in time independent of where they differ: both are
 * left-padded with zeros to the longest code, so 0123 typed matches 123 answered.
 */
export function codesMatch(typed: string, sent: string): boolean {
	const width = CODE_LENGTH.max;
	const a = Buffer.from(typed.padStart(width, '0'));
	const b = Buffer.from(sent.padStart(width, '0'));
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Code Length: a whole number from 4 to 10 (pin_length). */
export function checkCodeLength(value: unknown): number {
	const length = numberOf(value);
	if (!Number.isInteger(length) || length < CODE_LENGTH.min || length > CODE_LENGTH.max) {
		throw new InputIssue(
			'Code Length',
			`${asText(value) || 'empty'} is not a whole number from ${CODE_LENGTH.min} to ${CODE_LENGTH.max}`,
			`Enter how many digits the code has: ${CODE_LENGTH.min} to ${CODE_LENGTH.max}.`,
		);
	}
	return length;
}

/** Template ID: a whole number, 0 for DecisionTelecom's default text. */
export function checkTemplateId(value: unknown): number {
	const id = numberOf(value);
	if (!Number.isSafeInteger(id) || id < 0) {
		throw new InputIssue(
			'Template ID',
			`${asText(value) || 'empty'} is not a whole number of 0 or more`,
			'Enter 0 for the default text ("Your verification code: …"), or the ID of a template agreed with DecisionTelecom.',
		);
	}
	return id;
}

/** Language: a two-letter code (country_iso, which despite its name picks the text's language). */
export function checkLanguage(value: unknown): string {
	const language = asText(value).trim().toLowerCase();
	if (!/^[a-z]{2}$/.test(language)) {
		throw new InputIssue(
			'Language',
			language === '' ? 'is empty' : `'${String(value)}' is not a two-letter language code`,
			'Enter the two-letter code of the language of the code text, e.g. en, uk or es.',
		);
	}
	return language;
}
