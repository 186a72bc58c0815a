import { createHash, timingSafeEqual } from 'crypto';

/** The query parameter that carries the callback secret (added by the DecisionTelecom node). */
export const SECRET_QUERY_PARAMETER = 'secret';

const REDACTED = '[redacted]';

function sha256(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether the received secret equals the expected one. Both are hashed first, so the comparison
 * runs in constant time on equal-length digests and leaks neither the secret nor its length.
 * Anything but a single non-empty string (missing, empty, repeated parameter) is rejected.
 */
export function secretsMatch(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || received === '' || expected === '') return false;
	return timingSafeEqual(sha256(received), sha256(expected));
}

function redactString(value: string, secret: string): string {
	let result = value.replace(/([?&]secret=)[^&#\s"']*/gi, `$1${REDACTED}`);
	if (secret !== '') result = result.split(secret).join(REDACTED);
	return result;
}

/**
 * A deep copy of `value` with the secret removed from every string and key: the value itself and
 * any `secret=` URL query parameter (e.g. a callback URL echoed back in the body).
 */
export function redactSecret(value: unknown, secret: string): unknown {
	if (typeof value === 'string') return redactString(value, secret);
	if (Array.isArray(value)) return value.map((entry) => redactSecret(entry, secret));
	if (typeof value === 'object' && value !== null) {
		const result: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			// defineProperty, so a key named __proto__ stays a plain property.
			Object.defineProperty(result, redactString(key, secret), {
				value: redactSecret(entry, secret),
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
		return result;
	}
	return value;
}
