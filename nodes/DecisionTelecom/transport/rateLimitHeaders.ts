/** A rate limit the API announced: `requests` per `windowMs`. */
export interface RateLimit {
	requests: number;
	windowMs: number;
}

export type Headers = Record<string, unknown>;

export function headerValue(headers: Headers, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

const PLAIN_NUMBER = /^\s*\d+(\.\d+)?\s*$/;

function resetHeader(headers: Headers): string | undefined {
	return headerValue(headers, 'x-rate-limit-reset') ?? headerValue(headers, 'x-ratelimit-reset');
}

/**
 * How long the API asks us to wait, from `Retry-After` (seconds or an HTTP date) or
 * `X-Rate-Limit-Reset` (seconds to wait, or a Unix time). Undefined when neither is usable.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter !== undefined) {
		if (PLAIN_NUMBER.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
		// An HTTP date has a weekday and a month name; Date.parse would also take '-1' as a year.
		const date = /[a-z]/i.test(retryAfter) ? Date.parse(retryAfter) : NaN;
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = resetHeader(headers);
	if (reset !== undefined && PLAIN_NUMBER.test(reset)) {
		const value = Number(reset);
		// Above 1e9 it can only be a Unix time (1e9 seconds of waiting would be 31 years).
		return value > 1e9 ? Math.max(0, value * 1000 - now) : Math.round(value * 1000);
	}
	return undefined;
}

/**
 * The limit announced with a refusal, as Yii2's RateLimiter does: `X-Rate-Limit-Limit` requests
 * per window, and on a refusal `X-Rate-Limit-Reset` is that window in seconds. Undefined unless
 * both are plain positive numbers (a Unix-time reset says nothing about the window).
 */
export function announcedLimit(headers: Headers): RateLimit | undefined {
	const limit =
		headerValue(headers, 'x-rate-limit-limit') ?? headerValue(headers, 'x-ratelimit-limit');
	const reset = resetHeader(headers);
	if (limit === undefined || reset === undefined) return undefined;
	if (!/^\s*\d+\s*$/.test(limit) || !PLAIN_NUMBER.test(reset)) return undefined;
	const requests = Number(limit);
	const seconds = Number(reset);
	if (requests < 1 || seconds <= 0 || seconds > 86400) return undefined;
	return { requests, windowMs: seconds * 1000 };
}
