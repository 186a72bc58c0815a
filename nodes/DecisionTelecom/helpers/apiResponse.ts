import { codeToNumber, parseJsonKeepingBigIntegers } from '../shared/exactJson';

export type Endpoint = 'send-viber' | 'receive-viber';

/** A failed call, worded for the user. `outcomeUnknown` means the API may have acted on it. */
export interface ApiFailure {
	message: string;
	description: string;
	httpCode?: number;
	apiCode?: number;
	outcomeUnknown: boolean;
}

export type ApiOutcome =
	| { kind: 'ok'; body: Record<string, unknown> }
	| { kind: 'rateLimited'; retryAfterMs?: number; limit?: RateLimit; failure: ApiFailure }
	| { kind: 'failed'; failure: ApiFailure };

const API_FIELD_LABELS: Record<string, string> = {
	source_addr: 'Sender',
	destination_addr: 'Recipient',
	message_type: 'Message Kind',
	source_type: 'Category',
	text: 'Text',
	text_sms: 'SMS Text',
	image: 'Image URL',
	button_caption: 'Button Caption',
	button_action: 'Button URL',
	callback_url: 'Callback URL',
	validity_period: 'Validity Period',
	message_id: 'Message ID',
};

const UNKNOWN_OUTCOME_HELP =
	'The message may have been accepted (and charged), so it was not sent again. Before resending, check its delivery report in the DecisionTelecom Trigger or your DecisionTelecom account.';

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	if (Array.isArray(value)) return String(value[0]);
	return value === undefined || value === null ? undefined : String(value);
}

const PLAIN_NUMBER = /^\s*\d+(\.\d+)?\s*$/;

function rateLimitResetHeader(headers: Record<string, unknown>): string | undefined {
	return headerValue(headers, 'x-rate-limit-reset') ?? headerValue(headers, 'x-ratelimit-reset');
}

/**
 * How long the API asks us to wait, from `Retry-After` (seconds or an HTTP date) or
 * `X-Rate-Limit-Reset` (seconds to wait, or a Unix time). Undefined when neither is usable.
 */
export function retryAfterMs(headers: Record<string, unknown>, now = Date.now()): number | undefined {
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter !== undefined) {
		if (PLAIN_NUMBER.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = rateLimitResetHeader(headers);
	if (reset !== undefined && PLAIN_NUMBER.test(reset)) {
		const value = Number(reset);
		return value > 1e9 ? Math.max(0, value * 1000 - now) : Math.round(value * 1000);
	}
	return undefined;
}

/** A rate limit the API announced: `requests` per `windowMs`. */
export interface RateLimit {
	requests: number;
	windowMs: number;
}

/**
 * The limit announced with a refusal, Yii2 RateLimiter style: `X-Rate-Limit-Limit` requests per
 * window, and on a refusal `X-Rate-Limit-Reset` is that window in seconds. Undefined unless both
 * are plain positive numbers (a Unix-time reset says nothing about the window).
 */
export function announcedLimit(headers: Record<string, unknown>): RateLimit | undefined {
	const limit = headerValue(headers, 'x-rate-limit-limit') ?? headerValue(headers, 'x-ratelimit-limit');
	const reset = rateLimitResetHeader(headers);
	if (limit === undefined || reset === undefined) return undefined;
	if (!/^\s*\d+\s*$/.test(limit) || !PLAIN_NUMBER.test(reset)) return undefined;
	const requests = Number(limit);
	const seconds = Number(reset);
	if (requests < 1 || seconds <= 0 || seconds > 86400) return undefined;
	return { requests, windowMs: seconds * 1000 };
}

function isErrorBody(body: Record<string, unknown>): boolean {
	return body.message_id === undefined && 'status' in body && ('name' in body || 'code' in body);
}

function serverFailure(endpoint: Endpoint, what: string, httpCode?: number): ApiFailure {
	if (endpoint === 'send-viber') {
		return {
			message: `Outcome unknown: ${what}`,
			description: UNKNOWN_OUTCOME_HELP,
			httpCode,
			outcomeUnknown: true,
		};
	}
	return {
		message: `DecisionTelecom could not return the status: ${what}`,
		description: 'Nothing was changed. Try again in a few minutes.',
		httpCode,
		outcomeUnknown: true,
	};
}

function errorBodyOutcome(
	endpoint: Endpoint,
	body: Record<string, unknown>,
	httpCode: number,
	headers: Record<string, unknown>,
): ApiOutcome {
	const apiCode = codeToNumber(body.code);
	const status = codeToNumber(body.status) ?? httpCode;
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	const apiMessage = typeof body.message === 'string' ? body.message.trim() : '';

	if (status === 401 || status === 403 || httpCode === 401 || httpCode === 403) {
		return { kind: 'failed', failure: keyRejected(httpCode) };
	}
	if (status === 429 || (apiCode === 0 && /too many|rate limit/i.test(`${name} ${apiMessage}`))) {
		return {
			kind: 'rateLimited',
			retryAfterMs: retryAfterMs(headers),
			limit: announcedLimit(headers),
			failure: {
				message: 'DecisionTelecom rate limit reached; the message was not accepted',
				description:
					"Nothing was sent for this item. Lower 'Max Concurrent Requests', raise 'Rate Limit Max Wait', or run the workflow again later.",
				httpCode,
				apiCode,
				outcomeUnknown: false,
			},
		};
	}
	if (status === 402 || apiCode === 3) {
		return {
			kind: 'failed',
			failure: {
				message: 'Your DecisionTelecom balance is empty; the message was not sent',
				description: 'Top up your DecisionTelecom balance, then run the workflow again.',
				httpCode,
				apiCode,
				outcomeUnknown: false,
			},
		};
	}
	if (status === 400 || apiCode === 1) {
		const field = /:\s*([\w.]+)\s*$/.exec(name)?.[1];
		const label = field ? (API_FIELD_LABELS[field] ?? field) : undefined;
		return {
			kind: 'failed',
			failure: {
				message: label
					? `DecisionTelecom rejected the parameter '${label}' (${field})`
					: `DecisionTelecom rejected the request: ${name || apiMessage || 'invalid parameter'}`,
				description: `${apiMessage || 'Empty parameter or parameter validation error'}. Correct ${label ? `'${label}'` : 'the input'} and run again; nothing was sent.`,
				httpCode,
				apiCode,
				outcomeUnknown: false,
			},
		};
	}
	if (status >= 500 || apiCode === 2) {
		return {
			kind: 'failed',
			failure: {
				...serverFailure(endpoint, `DecisionTelecom reported an internal error (${name || status})`, httpCode),
				apiCode,
			},
		};
	}
	return {
		kind: 'failed',
		failure: {
			message: `DecisionTelecom refused the request: ${name || apiMessage || `status ${status}`}`,
			description: apiMessage || 'Check the parameters and the Base URL in the credential.',
			httpCode,
			apiCode,
			outcomeUnknown: false,
		},
	};
}

function keyRejected(httpCode: number): ApiFailure {
	return {
		message: 'The access key was rejected by DecisionTelecom',
		description:
			"Open the DecisionTelecom API credential and check the 'Access Key' (paste it exactly as your account manager gave it). Nothing was sent.",
		httpCode,
		outcomeUnknown: false,
	};
}

/** Turns an HTTP answer of DecisionTelecom into an outcome; pure, for every status and body. */
export function classifyResponse(
	endpoint: Endpoint,
	httpCode: number,
	headers: Record<string, unknown>,
	bodyText: string,
): ApiOutcome {
	let body: unknown;
	try {
		body = bodyText.trim() === '' ? undefined : parseJsonKeepingBigIntegers(bodyText);
	} catch {
		body = undefined;
	}
	const objectBody =
		typeof body === 'object' && body !== null && !Array.isArray(body)
			? (body as Record<string, unknown>)
			: undefined;

	if (objectBody && isErrorBody(objectBody)) {
		return errorBodyOutcome(endpoint, objectBody, httpCode, headers);
	}
	if (httpCode === 401 || httpCode === 403) return { kind: 'failed', failure: keyRejected(httpCode) };
	if (httpCode === 429) {
		return errorBodyOutcome(endpoint, { name: 'Too Many Requests', code: 0, status: 429 }, httpCode, headers);
	}
	if (httpCode >= 500) {
		return { kind: 'failed', failure: serverFailure(endpoint, `DecisionTelecom answered HTTP ${httpCode}`, httpCode) };
	}
	if (httpCode >= 300) {
		return {
			kind: 'failed',
			failure: {
				message: `DecisionTelecom answered HTTP ${httpCode}`,
				description:
					httpCode === 404
						? "Nothing answers at this address. Check the 'Base URL' in the credential."
						: 'The request was not accepted. Check the parameters and the Base URL in the credential.',
				httpCode,
				outcomeUnknown: false,
			},
		};
	}
	const hasId = objectBody !== undefined && objectBody.message_id !== undefined && objectBody.message_id !== null;
	if (!hasId) {
		return {
			kind: 'failed',
			failure: serverFailure(endpoint, 'DecisionTelecom sent an answer without a message id', httpCode),
		};
	}
	return { kind: 'ok', body: objectBody as Record<string, unknown> };
}

/**
 * A request that got no HTTP answer: timeout, reset or refused connection. The socket error code
 * goes into the description: n8n replaces messages that contain such codes with generic text.
 */
export function classifyNetworkError(endpoint: Endpoint, error: { code?: string; message?: string }): ApiOutcome {
	const code = error.code ?? '';
	const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
	if (refused) {
		// The request never reached the API, so nothing can have been sent.
		return {
			kind: 'failed',
			failure: {
				message: 'Could not connect to DecisionTelecom',
				description: `Nothing was sent (${code}). Check the 'Base URL' in the credential and your network.`,
				outcomeUnknown: false,
			},
		};
	}
	const timedOut = /timeout|ETIMEDOUT|ECONNABORTED/i.test(`${code} ${error.message ?? ''}`);
	const failure = serverFailure(
		endpoint,
		timedOut ? 'DecisionTelecom did not answer in time' : 'the connection to DecisionTelecom was lost',
	);
	if (code) failure.description = `${failure.description} (${code})`;
	return { kind: 'failed', failure };
}
