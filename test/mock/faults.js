'use strict';
/**
 * The mock's refusals: DecisionTelecom's error bodies, the scripted faults (see server.js) and a
 * rate limiter that behaves like the API's (Yii2's RateLimiter).
 */

const UNAUTHORIZED_BODY =
	'{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}';
const RATE_LIMIT_BODY =
	'{"name":"Too Many Requests","message":"Rate limit exceeded","code":0,"status":429}';
const SERVER_ERROR_BODY =
	'{"name":"Internal server error","message":"The server encountered an unexpected condition which prevented it from fulfilling the request","code":2,"status":500}';
const BALANCE_BODY =
	'{"name":"Topup balance is required","message":"User balance is empty","code":3,"status":402}';
const HTML_BODY =
	'<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
const invalidParameterBody = (param) =>
	`{"name":"Invalid Parameter: ${param}","message":"Empty parameter or parameter validation error","code":1,"status":400}`;

function checkAuth(header, apiKey) {
	if (!header || !/^Basic /i.test(header)) return false;
	const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
	return decoded === apiKey || decoded === `${apiKey}:`;
}

function rateLimitFault(fault) {
	const headers = {};
	if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
	if (fault.rateLimitReset !== undefined) {
		headers['X-Rate-Limit-Limit'] = String(fault.rateLimitLimit ?? 1);
		headers['X-Rate-Limit-Remaining'] = '0';
		headers['X-Rate-Limit-Reset'] = String(fault.rateLimitReset);
	}
	return { status: fault.http ?? 429, body: RATE_LIMIT_BODY, headers, rejected: true };
}

/** The answer a scripted fault stands for: a response, a socket to destroy, or a delay. */
function faultResponse(fault) {
	const refused = (status, body, contentType) => ({ status, body, contentType, rejected: true });
	switch (fault.type) {
		case 'rateLimit':
			return rateLimitFault(fault);
		case 'serverErrorText':
			return refused(fault.http ?? 500, fault.body ?? 'Some general error', 'text/plain');
		case 'serverErrorJson':
			return refused(fault.http ?? 500, SERVER_ERROR_BODY);
		case 'balance':
			return refused(fault.http ?? 402, BALANCE_BODY);
		case 'invalidParameter':
			return refused(fault.http ?? 400, invalidParameterBody(fault.param || 'source_addr'));
		case 'unauthorized':
			return refused(401, UNAUTHORIZED_BODY);
		case 'html':
			return refused(fault.http ?? 502, HTML_BODY, 'text/html');
		case 'malformedJson':
			return refused(fault.http ?? 200, '{message: 429}');
		case 'reset':
			return { destroy: true };
		case 'delay':
			return { delayMs: fault.ms ?? 30000 };
		case 'none':
			return { delayMs: 0 };
		default:
			throw new Error(`unknown fault type ${fault.type}`);
	}
}

/**
 * Yii2 yii\\filters\\RateLimiter::checkRateLimit with a 1 s window, in milliseconds instead of
 * whole seconds. Returns undefined when there is no limit, otherwise { allowed, headers }.
 */
function rateLimit(state, now) {
	const limit = Number(state.options.rateLimitPerSecond) || 0;
	if (!limit) return undefined;
	const windowMs = 1000;
	const bucket = state.bucket || (state.bucket = { allowance: limit, at: now });
	bucket.allowance = Math.min(limit, bucket.allowance + ((now - bucket.at) * limit) / windowMs);
	bucket.at = now;
	const headers = { 'X-Rate-Limit-Limit': String(limit) };
	if (bucket.allowance < 1) {
		const waitMs = ((1 - bucket.allowance) * windowMs) / limit;
		bucket.allowance = 0;
		headers['X-Rate-Limit-Remaining'] = '0';
		headers['X-Rate-Limit-Reset'] = String(windowMs / 1000);
		headers['Retry-After'] = String(Math.max(1, Math.ceil(waitMs / 1000)));
		return { allowed: false, headers };
	}
	bucket.allowance -= 1;
	headers['X-Rate-Limit-Remaining'] = String(Math.floor(bucket.allowance));
	headers['X-Rate-Limit-Reset'] = String(
		Math.ceil(((limit - bucket.allowance) * windowMs) / limit / 1000),
	);
	return { allowed: true, headers };
}

module.exports = {
	UNAUTHORIZED_BODY,
	RATE_LIMIT_BODY,
	invalidParameterBody,
	checkAuth,
	faultResponse,
	rateLimit,
};
