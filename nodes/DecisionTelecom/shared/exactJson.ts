// The shortest digit run that can exceed 2^53 (9007199254740992 has 16 digits).
const LONG_DIGIT_RUN = /\d{16}/;
const BACKSLASH = 92;
const QUOTE = 34;
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);
const NAME_OR_NUMBER_CHAR = /[\w.+-]/;
const FRACTION_OR_EXPONENT = /[.eE]/;
// Reused by every read: new Buffers per read made V8 collect garbage in a big heap (n8n's).
const scratch = { source: Buffer.alloc(0), out: Buffer.alloc(0) };
// Bigger texts (no callback body is; the trigger caps them at 1 MiB) get Buffers of their own.
const SCRATCH_LIMIT = 8 * 1024 * 1024;

function isEscaped(text: string, quoteAt: number): boolean {
	// charCodeAt before the text's start is NaN, which ends the walk
	let i = quoteAt - 1;
	while (text.charCodeAt(i) === BACKSLASH) i--;
	// Only the parity of the backslash count matters: mutants adding 2 or 2i are equivalent.
	return (quoteAt - 1 - i) % 2 === 1;
}

/** Whether text[start, end) is a whole integer token, not digits of a fraction, exponent or name. */
function isIntegerToken(text: string, start: number, end: number): boolean {
	// charAt outside the text is '', which neither pattern matches
	const before = text.charAt(start - 1);
	const after = text.charAt(end);
	return !NAME_OR_NUMBER_CHAR.test(before) && !FRACTION_OR_EXPONENT.test(after);
}

/**
 * Whether a run of 16 or more digits (after an optional '-') is beyond 2^53 - 1, compared as text:
 * Number() on every run took most of the reader's time. A leading zero is not JSON; the run stays
 * as it is, and JSON.parse refuses it.
 */
function isBeyondSafe(run: string): boolean {
	const digits = run.startsWith('-') ? run.slice(1) : run;
	if (digits.startsWith('0')) return false;
	return digits.length > MAX_SAFE_DIGITS.length || digits > MAX_SAFE_DIGITS;
}

/** Calls `quote(start, end)` for each integer literal outside strings beyond 2^53 - 1, in order. */
function forEachUnsafeInteger(text: string, quote: (start: number, end: number) => void): void {
	const longIntegers = /-?\d{16,}/g;
	let scannedTo = 0;
	let inString = false;
	for (let match = longIntegers.exec(text); match !== null; match = longIntegers.exec(text)) {
		const start = match.index;
		const end = start + match[0].length;
		// text[start] is a digit or '-', never a quote: `quote <= start` is an equivalent mutant.
		for (
			let quoteAt = text.indexOf('"', scannedTo);
			quoteAt !== -1 && quoteAt < start;
			quoteAt = text.indexOf('"', scannedTo)
		) {
			if (!inString || !isEscaped(text, quoteAt)) inString = !inString;
			scannedTo = quoteAt + 1;
		}
		if (!inString && isIntegerToken(text, start, end) && isBeyondSafe(match[0])) quote(start, end);
	}
}

/** The text with those integers in quotes, built as one string of pieces (any text). */
function quotedAsString(text: string): string {
	let out = '';
	let copiedTo = 0;
	forEachUnsafeInteger(text, (start, end) => {
		out += `${text.slice(copiedTo, start)}"${text.slice(start, end)}"`;
		copiedTo = end;
	});
	return out + text.slice(copiedTo);
}

/** Buffers of at least these sizes: the scratch ones (grown), or new ones for a huge text. */
function buffersFor(length: number, size: number): { source: Buffer; out: Buffer } {
	// These checks pick the Buffers, not the text: exactJsonBuffers.test.ts counts the allocations.
	if (length > SCRATCH_LIMIT)
		return { source: Buffer.allocUnsafe(length), out: Buffer.allocUnsafe(size) };
	if (scratch.source.length < length) scratch.source = Buffer.allocUnsafe(length);
	if (scratch.out.length < size) scratch.out = Buffer.allocUnsafe(size);
	return scratch;
}

/**
 * The same for an ASCII text (a callback without non-English text), copied piece by piece into one
 * Buffer as the integers are found: joining a hundred thousand string pieces, or keeping their
 * positions in a list, took about twice as long (`npm run bench`, section 5).
 */
function quotedAscii(text: string): string {
	// Each quoted integer has at least 16 digits and a separator: at most 2 more bytes per 17.
	const size = text.length + 2 * Math.ceil(text.length / 17);
	const { source, out } = buffersFor(text.length, size);
	// For ASCII, 'latin1' and the default UTF-8 give the same bytes; 'latin1' is faster
	// (mutants of both encodings are equivalent).
	source.write(text, 0, 'latin1');
	let written = 0;
	let copiedTo = 0;
	forEachUnsafeInteger(text, (start, end) => {
		written += source.copy(out, written, copiedTo, start);
		out[written++] = QUOTE;
		written += source.copy(out, written, start, end);
		out[written++] = QUOTE;
		copiedTo = end;
	});
	// Only a shortcut: copying the whole text gives the same text (an equivalent mutant).
	if (copiedTo === 0) return text;
	written += source.copy(out, written, copiedTo, text.length);
	return out.toString('latin1', 0, written);
}

/**
 * JSON.parse, except that integers outside JavaScript's safe range come back as strings with every
 * digit: DecisionTelecom ids (message_id, sms_message_id, message_token) can exceed 2^53, where
 * JSON.parse would round them. A text without a 16-digit run goes straight to JSON.parse; otherwise
 * each long digit run is found natively and checked against the quotes before it (found with
 * indexOf), so the text is never walked character by character.
 */
export function parseExactJson(text: string): unknown {
	// Only a shortcut: without it the walk below gives the same result, more slowly (a mutant
	// that removes it survives every test but the benchmark).
	if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
	// Either builder gives the same text; the check only picks the faster.
	return JSON.parse(
		Buffer.byteLength(text) === text.length ? quotedAscii(text) : quotedAsString(text),
	);
}

const isWholeNumber = (value: unknown): value is number => Number.isInteger(value);

/** An integer (number, bigint or integer string) as an exact decimal string, or undefined. */
export function idToString(value: unknown): string | undefined {
	if (isWholeNumber(value)) {
		return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
	}
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'bigint') return value.toString();
	return undefined;
}

/** A status code given as a whole number or as text of at most `maxDigits` digits, or undefined. */
export function codeToNumber(value: unknown, maxDigits = 15): number | undefined {
	if (isWholeNumber(value)) return value;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const digits = text.startsWith('-') ? text.slice(1) : text;
	return /^\d+$/.test(digits) && digits.length <= maxDigits ? Number(text) : undefined;
}
