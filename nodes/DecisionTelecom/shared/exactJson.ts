// A JSON string (skipped whole, so digits inside it are never touched) or an integer literal of
// 16 or more digits (the shortest that can exceed 2^53) that is not part of a fraction or exponent.
const STRING_OR_LONG_INTEGER = /"[^"\\]*(?:\\[\s\S][^"\\]*)*"|(?<![\w.+-])-?\d{16,}(?![\d.eE])/g;
const LONG_DIGIT_RUN = /\d{16}/;

/**
 * JSON.parse, except that integers outside JavaScript's safe range come back as strings with every
 * digit: DecisionTelecom ids (message_id, sms_message_id, message_token) can exceed 2^53, where
 * JSON.parse would round them. A text without a 16-digit run goes straight to JSON.parse.
 */
export function parseExactJson(text: string): unknown {
	if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
	const quoted = text.replace(STRING_OR_LONG_INTEGER, (token) =>
		token.startsWith('"') || Number.isSafeInteger(Number(token)) ? token : `"${token}"`,
	);
	return JSON.parse(quoted);
}

/** An integer (number, bigint or integer string) as an exact decimal string, or undefined. */
export function idToString(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) {
		return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
	}
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'bigint') return value.toString();
	return undefined;
}

/** A status code given as a number or a numeric string, or undefined. */
export function codeToNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
	return undefined;
}
