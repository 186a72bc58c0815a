import { parseExactJson } from '../shared/exactJson';
import { isPlainObject } from '../shared/objects';

/** What one callback request may hold; beyond it the trigger answers 413 (size, entries) or 400. */
export const CALLBACK_LIMITS = {
	/** 1 MiB: a status callback is about 100 bytes, so this is room for a batch of thousands. */
	bodyBytes: 1_048_576,
	/** Callbacks in one JSON array; each becomes an item of one execution. */
	entries: 1000,
	/** Nesting of objects and arrays; DecisionTelecom's callbacks nest 2 levels. */
	depth: 32,
};

/** The callback body after parsing: `value` is what gets classified, `raw` what `raw` outputs. */
export type ParsedCallbackBody =
	| { ok: true; value: unknown; raw: unknown }
	| { ok: false; status: 400 | 413; reason: string };

// Path segments that must never become object keys (prototype pollution through form keys).
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Splits a form field name into a path: `message[text]` and `message.text` both give
 * ['message', 'text']; `message_id` gives ['message_id'].
 */
export function formKeyToPath(key: string): string[] {
	return key.split(/\]\[|\[|\]|\./).filter((segment) => segment !== '');
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
	let node = target;
	for (const segment of path.slice(0, -1)) {
		const next = node[segment];
		if (next === undefined) {
			const created: Record<string, unknown> = {};
			node[segment] = created;
			node = created;
		} else if (isPlainObject(next)) {
			node = next;
		} else {
			return; // would overwrite a plain value already set
		}
	}
	const last = path[path.length - 1];
	if (node[last] === undefined) node[last] = value;
}

/**
 * Turns flat form fields into nested objects (`message[text]=hi` → `{ message: { text: 'hi' } }`).
 * A field that would overwrite a plain value already set, or whose name contains __proto__,
 * prototype or constructor, is dropped. Undefined when a name nests deeper than the depth cap.
 */
export function expandFormFields(
	fields: Record<string, unknown>,
): Record<string, unknown> | undefined {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fields)) {
		const path = formKeyToPath(key);
		if (path.length > CALLBACK_LIMITS.depth) return undefined;
		if (path.length === 0 || path.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) continue;
		setPath(result, path, value);
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

/** Whether objects and arrays nest deeper than `limit`, found without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 1]];
	while (stack.length > 0) {
		const [node, depth] = stack.pop() as [unknown, number];
		if (typeof node !== 'object' || node === null) continue;
		if (depth > limit) return true;
		for (const child of Object.values(node)) stack.push([child, depth + 1]);
	}
	return false;
}

const badRequest = (reason: string): ParsedCallbackBody => ({ ok: false, status: 400, reason });

/** The caps every body must respect, whatever its format. */
function withinLimits(value: unknown, raw: unknown): ParsedCallbackBody {
	if (Array.isArray(value) && value.length > CALLBACK_LIMITS.entries) {
		return {
			ok: false,
			status: 413,
			reason: `${value.length} callbacks in one request; the limit is ${CALLBACK_LIMITS.entries}`,
		};
	}
	if (nestsDeeperThan(value, CALLBACK_LIMITS.depth)) {
		return badRequest(`The body nests deeper than ${CALLBACK_LIMITS.depth} levels`);
	}
	return { ok: true, value, raw };
}

function parseText(text: string): ParsedCallbackBody {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed === '') return badRequest('The body is empty');
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		let value: unknown;
		try {
			value = parseExactJson(trimmed);
		} catch {
			return badRequest('The body is not valid JSON');
		}
		return withinLimits(value, value);
	}
	const fields = parseFormText(trimmed);
	if (fields === undefined) return badRequest('The body is neither JSON nor form data');
	const value = expandFormFields(fields);
	return value === undefined
		? badRequest(`A field name nests deeper than ${CALLBACK_LIMITS.depth} levels`)
		: withinLimits(value, fields);
}

/**
 * Reads a callback body. The raw bytes are preferred: JSON (an object or an array) is parsed with
 * parseExactJson so ids above 2^53 keep every digit, anything else must be form data. Without raw
 * bytes, n8n's already parsed body is used (JSON digits beyond 2^53 are then lost).
 */
export function readCallbackBody(rawBody: unknown, parsedBody: unknown): ParsedCallbackBody {
	let bytes: Buffer | undefined;
	if (Buffer.isBuffer(rawBody) && rawBody.length > 0) bytes = rawBody;
	else if (typeof parsedBody === 'string') bytes = Buffer.from(parsedBody);
	if (bytes !== undefined) {
		if (bytes.length > CALLBACK_LIMITS.bodyBytes) {
			return {
				ok: false,
				status: 413,
				reason: `The body is ${bytes.length} bytes; the limit is ${CALLBACK_LIMITS.bodyBytes}`,
			};
		}
		return parseText(bytes.toString('utf8'));
	}
	if (Array.isArray(parsedBody) && parsedBody.length > 0)
		return withinLimits(parsedBody, parsedBody);
	if (isPlainObject(parsedBody) && Object.keys(parsedBody).length > 0) {
		// n8n parses form bodies without nesting, so `message[text]` arrives as a flat key.
		const value = expandFormFields(parsedBody);
		return value === undefined
			? badRequest(`A field name nests deeper than ${CALLBACK_LIMITS.depth} levels`)
			: withinLimits(value, parsedBody);
	}
	return badRequest('The body is empty');
}
