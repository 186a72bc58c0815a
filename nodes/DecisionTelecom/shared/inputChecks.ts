import { InputIssue } from './inputIssue';

/** A parameter value as text ('' for undefined and null). */
export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value : String(value);
}

/**
 * A numeric parameter as a number: NaN when it is empty or neither a number nor text. Plain
 * `Number()` would take '' and null as 0 and [5] as 5, values nobody typed as numbers.
 */
export function numberOf(value: unknown): number {
	if (typeof value === 'number') return value;
	return typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
}

/** Length as people count it: an emoji is one character, not two UTF-16 units. */
export function characterCount(text: string): number {
	return Array.from(text).length;
}

export function checkLength(value: string, parameter: string, limit: number, fix: string): void {
	const count = characterCount(value);
	if (count > limit) {
		throw new InputIssue(parameter, `is ${count} characters long; the limit is ${limit}`, fix);
	}
}

/** The trimmed text, or an InputIssue when it is empty. */
export function requireText(value: unknown, parameter: string, fix: string): string {
	const text = asText(value).trim();
	if (text === '') throw new InputIssue(parameter, 'is empty', fix);
	return text;
}

function parseUrl(url: string): URL | undefined {
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
}

/** The trimmed URL when it is a valid http(s) URL, else an InputIssue. */
export function checkHttpUrl(value: unknown, parameter: string, fix: string): string {
	const url = asText(value).trim();
	const parsed = parseUrl(url);
	if (!parsed)
		throw new InputIssue(parameter, url ? `'${url}' is not a valid URL` : 'is empty', fix);
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new InputIssue(parameter, `'${url}' must start with http:// or https://`, fix);
	}
	return url;
}
