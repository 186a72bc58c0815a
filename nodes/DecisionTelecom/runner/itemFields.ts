/**
 * Parameters that only copy fields of the item, such as `={{ $json.recipient }}` or
 * `=Order {{ $json.n }} is ready`. n8n resolves each through its expression evaluator, which at
 * volume took more time than the requests (`npm run bench`); these are read from the item's JSON
 * instead, with the evaluator's result (a property test compares the two). Anything else (other
 * expressions; a field alone that is not text, a number or a boolean; in text, a value that is not
 * text or a whole number) is left to n8n.
 */

/** A literal piece of text, or the path of a field under `$json`. */
type Part = string | readonly string[];

export interface FieldTemplate {
	readonly parts: readonly Part[];
	/** `={{ $json.x }}` alone: the field's own value, not text. */
	readonly whole: boolean;
}

const FIELD = /\{\{ *\$json((?:\.[A-Za-z_][A-Za-z0-9_]*)+) *\}\}/g;
// Names n8n refuses, or reads from elsewhere, even where the item has them as its own keys.
const INHERITED = new Set(['constructor', 'prototype', '__proto__']);
// Braces or backslashes left in the text may be template syntax n8n reads differently.
const TEMPLATE_SYNTAX = /[{}\\]/;

/** The template of a raw parameter value, or undefined when n8n must evaluate it. */
export function fieldTemplate(raw: unknown): FieldTemplate | undefined {
	if (typeof raw !== 'string' || !raw.startsWith('=')) return undefined;
	const body = raw.slice(1);
	const parts: Part[] = [];
	let copiedTo = 0;
	for (const match of body.matchAll(FIELD)) {
		parts.push(body.slice(copiedTo, match.index), match[1].slice(1).split('.'));
		copiedTo = match.index + match[0].length;
	}
	parts.push(body.slice(copiedTo));
	if (parts.length === 1) return undefined;
	for (const part of parts) {
		if (typeof part === 'string' ? TEMPLATE_SYNTAX.test(part) : part.some((n) => INHERITED.has(n)))
			return undefined;
	}
	return { parts, whole: parts.length === 3 && parts[0] === '' && parts[2] === '' };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

function fieldValue(json: unknown, path: readonly string[]): unknown {
	let value = json;
	for (const name of path) {
		if (!isPlainObject(value) || !Object.prototype.hasOwnProperty.call(value, name))
			return undefined;
		value = value[name];
	}
	return value;
}

/** How the evaluator writes a value into text, for the values whose text is beyond doubt. */
function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (Number.isSafeInteger(value)) return String(value);
	return undefined;
}

/** The template filled from the item's JSON, or undefined when n8n must evaluate it. */
export function fillFieldTemplate(
	template: FieldTemplate,
	json: unknown,
): string | number | boolean | undefined {
	if (template.whole) {
		const value = fieldValue(json, template.parts[1] as readonly string[]);
		const isPlain = typeof value === 'string' || typeof value === 'boolean';
		return isPlain || Number.isFinite(value) ? (value as string | number | boolean) : undefined;
	}
	let text = '';
	for (const part of template.parts) {
		const piece = typeof part === 'string' ? part : asText(fieldValue(json, part));
		if (piece === undefined) return undefined;
		text += piece;
	}
	return text;
}
