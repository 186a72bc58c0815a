/**
 * JSON.parse loses digits of integers above 2^53, and DecisionTelecom ids (message_id,
 * sms_message_id, message_token) can be that large. This parser turns every integer literal
 * that is not a safe integer into a string before parsing, so no digit is lost.
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
	let out = '';
	let inString = false;
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		if (inString) {
			out += ch;
			if (ch === '\\') {
				out += text[i + 1] ?? '';
				i += 2;
				continue;
			}
			if (ch === '"') inString = false;
			i++;
			continue;
		}
		if (ch === '"') {
			inString = true;
			out += ch;
			i++;
			continue;
		}
		if (ch === '-' || (ch >= '0' && ch <= '9')) {
			let end = i + 1;
			while (end < text.length && /[0-9eE.+-]/.test(text[end])) end++;
			const token = text.slice(i, end);
			out += /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token;
			i = end;
			continue;
		}
		out += ch;
		i++;
	}
	return JSON.parse(out);
}

/** An id as received (number or numeric string) as an exact decimal string, or undefined. */
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
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
	return undefined;
}
