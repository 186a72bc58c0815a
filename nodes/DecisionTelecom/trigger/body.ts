import { parseExactJson } from '../shared/exactJson';

/** The callback body after parsing: `value` is what gets classified, `raw` what `raw` outputs. */
export type ParsedCallbackBody =
	| { ok: true; format: 'json' | 'form' | 'parsed'; value: unknown; raw: unknown }
	| { ok: false; reason: string };

// Path segments that must never become object keys (prototype pollution through form keys).
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits a form field name into a path: `message[text]` and `message.text` both give
 * ['message', 'text']; `message_id` gives ['message_id'].
 */
export function formKeyToPath(key: string): string[] {
	return key.split(/\]\[|\[|\]|\./).filter((segment) => segment !== '');
}

/**
 * Turns flat form fields into nested objects (`message[text]=hi` → `{ message: { text: 'hi' } }`).
 * A field that would overwrite a plain value already set, or whose name contains __proto__,
 * prototype or constructor, is dropped.
 */
export function expandFormFields(fields: Record<string, unknown>): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fields)) {
		const path = formKeyToPath(key);
		if (path.length === 0 || path.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) continue;
		let target: Record<string, unknown> = result;
		let blocked = false;
		for (const segment of path.slice(0, -1)) {
			const next = target[segment];
			if (next === undefined) {
				const created: Record<string, unknown> = {};
				target[segment] = created;
				target = created;
			} else if (isPlainObject(next)) {
				target = next;
			} else {
				blocked = true;
				break;
			}
		}
		const last = path[path.length - 1];
		if (!blocked && target[last] === undefined) target[last] = value;
	}
	return result;
}

/**
 * Parses `application/x-www-form-urlencoded` text. Returns undefined when the text is not form
 * data: empty, or a non-empty `&`-separated part without `=`. Repeated fields keep the first value.
 */
export function parseFormText(text: string): Record<string, string> | undefined {
	const parts = text.split('&').filter((part) => part !== '');
	if (parts.length === 0 || parts.some((part) => !part.includes('=') || part.startsWith('='))) {
		return undefined;
	}
	const fields: Record<string, string> = {};
	for (const [key, value] of new URLSearchParams(text)) {
		if (!(key in fields)) fields[key] = value;
	}
	return fields;
}

/**
 * Reads a callback body. The raw bytes are preferred: JSON (an object or an array) is parsed with
 * parseExactJson so ids above 2^53 keep every digit, anything else must be form data.
 * Without raw bytes, n8n's already parsed body is used (JSON digits beyond 2^53 are then lost).
 */
export function readCallbackBody(rawBody: unknown, parsedBody: unknown): ParsedCallbackBody {
	let text: string | undefined;
	if (Buffer.isBuffer(rawBody) && rawBody.length > 0) text = rawBody.toString('utf8');
	else if (typeof parsedBody === 'string') text = parsedBody;

	if (text !== undefined) {
		const trimmed = text.replace(/^\uFEFF/, '').trim();
		if (trimmed === '') return { ok: false, reason: 'The body is empty' };
		if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
			try {
				const value = parseExactJson(trimmed);
				return { ok: true, format: 'json', value, raw: value };
			} catch {
				return { ok: false, reason: 'The body is not valid JSON' };
			}
		}
		const fields = parseFormText(trimmed);
		if (fields === undefined)
			return { ok: false, reason: 'The body is neither JSON nor form data' };
		return { ok: true, format: 'form', value: expandFormFields(fields), raw: fields };
	}

	if (Array.isArray(parsedBody) && parsedBody.length > 0) {
		return { ok: true, format: 'parsed', value: parsedBody, raw: parsedBody };
	}
	if (isPlainObject(parsedBody) && Object.keys(parsedBody).length > 0) {
		// n8n parses form bodies without nesting, so `message[text]` arrives as a flat key.
		return { ok: true, format: 'parsed', value: expandFormFields(parsedBody), raw: parsedBody };
	}
	return { ok: false, reason: 'The body is empty' };
}
