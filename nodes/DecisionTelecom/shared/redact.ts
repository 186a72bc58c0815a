export const REDACTED = '[redacted]';

// Shorter values are not searched for: replacing them would mangle ordinary text.
const MIN_REDACTABLE_LENGTH = 8;

const SECRET_IN_URL = /([?&]secret=)[^&#\s"']*/gi;

/** Every secret worth looking for: the values themselves and the access key's Basic form. */
export function secretsOf(credentials: Record<string, unknown>): string[] {
	const values = ['apiKey', 'callbackSecret', 'previousCallbackSecret']
		.map((name) => credentials[name])
		.filter(
			(value): value is string =>
				typeof value === 'string' && value.length >= MIN_REDACTABLE_LENGTH,
		);
	const key = credentials.apiKey;
	if (typeof key === 'string' && key.length >= MIN_REDACTABLE_LENGTH)
		values.push(Buffer.from(key).toString('base64'));
	return values;
}

/** `text` with every secret and every `secret=` query parameter replaced by [redacted]. */
export function redactText(text: string, secrets: readonly string[]): string {
	let result = text.replace(SECRET_IN_URL, `$1${REDACTED}`);
	for (const secret of secrets) {
		if (secret.length >= MIN_REDACTABLE_LENGTH) result = result.split(secret).join(REDACTED);
	}
	return result;
}

/**
 * A deep copy of a parsed callback body with secrets removed from every string and key. Bodies
 * reach it only after the depth cap, so the recursion is bounded.
 */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, secrets));
	if (typeof value === 'object' && value !== null) {
		const result: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			// defineProperty, so a key named __proto__ stays a plain property.
			Object.defineProperty(result, redactText(key, secrets), {
				value: redactValue(entry, secrets),
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
		return result;
	}
	return value;
}
