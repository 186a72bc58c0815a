// The shortest digit run that can exceed 2^53 (9007199254740992 has 16 digits).
const LONG_DIGIT_RUN = /\d{16}/;
const BACKSLASH = 92;

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
	return !/[\w.+-]/.test(before) && !/[.eE]/.test(after);
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
	const longIntegers = /-?\d{16,}/g;
	let out = '';
	let copiedTo = 0;
	let scannedTo = 0;
	let inString = false;
	for (let match = longIntegers.exec(text); match !== null; match = longIntegers.exec(text)) {
		const start = match.index;
		const end = start + match[0].length;
		// text[start] is a digit or '-', never a quote: `quote <= start` is an equivalent mutant.
		for (
			let quote = text.indexOf('"', scannedTo);
			quote !== -1 && quote < start;
			quote = text.indexOf('"', scannedTo)
		) {
			if (!inString || !isEscaped(text, quote)) inString = !inString;
			scannedTo = quote + 1;
		}
		if (inString || !isIntegerToken(text, start, end) || Number.isSafeInteger(Number(match[0])))
			continue;
		out += `${text.slice(copiedTo, start)}"${match[0]}"`;
		copiedTo = end;
	}
	return JSON.parse(out + text.slice(copiedTo));
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
