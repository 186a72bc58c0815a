import { codeToNumber, parseExactJson } from '../shared/exactJson';
import { isPlainObject } from '../shared/objects';
import { announcedLimit, retryAfterMs, type Headers, type RateLimit } from './rateLimitHeaders';

/** Why DecisionTelecom definitely did not act on a request. */
export type Refusal = 'keyRejected' | 'balanceEmpty' | 'invalidParameter' | 'unreachable';

/**
 * An answer of DecisionTelecom, classified. `refused` and `rateLimited` are definite: nothing was
 * done. `unknown` means the request may have been acted on (for a send: accepted and charged).
 */
export type Answer =
	| { kind: 'accepted'; body: unknown }
	| { kind: 'refused'; refusal: Refusal; apiText: string; apiField?: string; httpStatus?: number }
	| { kind: 'rateLimited'; retryAfterMs?: number; limit?: RateLimit; httpStatus: number }
	| { kind: 'unknown'; reason: string; httpStatus?: number; networkCode?: string };

export interface HttpAnswer {
	status: number;
	headers: Headers;
	bodyText: string;
}

type Signal = Exclude<Refusal, 'unreachable'> | 'rateLimited' | 'serverError' | 'unclassified';

// What an HTTP status, or the `status` field of an error body, says on its own.
const STATUS_SIGNALS: Record<number, Signal> = {
	400: 'invalidParameter',
	401: 'keyRejected',
	402: 'balanceEmpty',
	403: 'keyRejected',
	429: 'rateLimited',
};

// What the `code` field of an error body says. Code 0 is Yii2's default for any HTTP error, so it
// says nothing on its own.
const CODE_SIGNALS: Record<number, Signal | undefined> = {
	0: undefined,
	1: 'invalidParameter',
	2: 'serverError',
	3: 'balanceEmpty',
};

/** DecisionTelecom's error body (Yii2's shape): `{name, message, code, status}`. */
export function isErrorBody(body: unknown): body is Record<string, unknown> {
	return isPlainObject(body) && ('code' in body || ('name' in body && 'status' in body));
}

// NaN for anything but a whole number (a JSON number or up to six digits as text): NaN matches no
// status and no code, so it reads as an error the node does not know.
const asWholeNumber = (value: unknown): number => codeToNumber(value, 6) ?? Number.NaN;

function statusSignal(status: number): Signal {
	return STATUS_SIGNALS[status] ?? (status >= 500 ? 'serverError' : 'unclassified');
}

function bodySignals(body: Record<string, unknown>): Signal[] {
	const signals: Signal[] = [];
	if ('status' in body) signals.push(statusSignal(asWholeNumber(body.status)));
	if ('code' in body) {
		const code = asWholeNumber(body.code);
		if (!(code in CODE_SIGNALS)) signals.push('unclassified');
		else if (CODE_SIGNALS[code] !== undefined) signals.push(CODE_SIGNALS[code] as Signal);
	}
	return signals;
}

function apiTextOf(body: unknown): { apiText: string; apiField?: string } {
	if (!isPlainObject(body)) return { apiText: '' };
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	const message = typeof body.message === 'string' ? body.message.trim() : '';
	const apiField = /:\s*([A-Za-z_][\w.]*)$/.exec(name)?.[1];
	return { apiText: [name, message].filter((text) => text !== '').join(': '), apiField };
}

// An empty or blank body throws in parseExactJson too.
function parseBody(text: string): unknown {
	try {
		return parseExactJson(text);
	} catch {
		// An empty catch block would return undefined as well (an equivalent mutant).
		return undefined;
	}
}

/**
 * The one rule for every answer (the README's table):
 * 1. HTTP 500-599, whatever the body: unknown.
 * 2. HTTP 2xx whose body is the endpoint's success answer and not an error body: accepted
 *    (a body that is both is unknown).
 * 3. A definite refusal when every signal present agrees on it: the HTTP status unless 2xx, the
 *    error body's `status` and its `code` (401/403 key rejected; 402 or code 3 balance empty;
 *    400 or code 1 invalid parameter; 429 rate limited, retried within the run's bound).
 * 4. Anything else (other statuses, code 2 or unknown codes, disagreeing signals, an unreadable
 *    body, a 2xx that is not the success answer): unknown.
 */
export function classifyAnswer(
	answer: HttpAnswer,
	isSuccess: (body: unknown) => boolean,
	now: number,
): Answer {
	const { status, headers } = answer;
	if (status >= 500)
		return {
			kind: 'unknown',
			reason: `DecisionTelecom answered HTTP ${status}`,
			httpStatus: status,
		};
	const body = parseBody(answer.bodyText);
	const is2xx = status >= 200 && status < 300;
	const errorBody = isErrorBody(body);
	// isSuccess(undefined) is false too; the check keeps isSuccess to parsed bodies.
	const success = body !== undefined && isSuccess(body);
	if (is2xx && success && !errorBody) return { kind: 'accepted', body };
	if (success && errorBody) {
		return {
			kind: 'unknown',
			reason: 'DecisionTelecom answered with both a success and an error',
			httpStatus: status,
		};
	}

	const fromBody = errorBody ? bodySignals(body) : [];
	const distinct = new Set([...(is2xx ? [] : [statusSignal(status)]), ...fromBody]);
	const [signal] = distinct;
	if (distinct.size !== 1 || signal === 'unclassified' || signal === 'serverError') {
		return {
			kind: 'unknown',
			reason: unknownReason(status, body, distinct, fromBody),
			httpStatus: status,
		};
	}
	if (signal === 'rateLimited') {
		return {
			kind: 'rateLimited',
			retryAfterMs: retryAfterMs(headers, now),
			limit: announcedLimit(headers),
			httpStatus: status,
		};
	}
	return { kind: 'refused', refusal: signal, httpStatus: status, ...apiTextOf(body) };
}

function unknownReason(
	status: number,
	body: unknown,
	signals: Set<Signal>,
	fromBody: Signal[],
): string {
	const { apiText } = apiTextOf(body);
	const detail = apiText ? ` (${apiText})` : '';
	if (signals.has('serverError')) return `DecisionTelecom reported an internal error${detail}`;
	if (isErrorBody(body) && (fromBody.length === 0 || fromBody.includes('unclassified'))) {
		return `DecisionTelecom answered with an error the node does not know${detail}`;
	}
	if (signals.size > 1)
		return `DecisionTelecom answered HTTP ${status} with an error that contradicts it`;
	if (status < 200 || status >= 300) return `DecisionTelecom answered HTTP ${status}`;
	return body === undefined
		? 'DecisionTelecom sent an answer that is not JSON'
		: 'DecisionTelecom sent an answer without the expected fields';
}

/**
 * A request that got no HTTP answer. Only a connection that was never made (refused, host not
 * found) is definite; a timeout or a dropped connection may have reached DecisionTelecom.
 */
export function classifyNetworkError(error: { code?: string; message?: string }): Answer {
	const code = error.code ?? '';
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return { kind: 'refused', refusal: 'unreachable', apiText: '' };
	}
	const timedOut = /timeout|ETIMEDOUT|ECONNABORTED/i.test(`${code} ${error.message}`);
	return {
		kind: 'unknown',
		reason: timedOut
			? 'DecisionTelecom did not answer in time'
			: 'the connection to DecisionTelecom was lost',
		networkCode: code || undefined,
	};
}
