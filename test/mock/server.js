'use strict';
/**
 * Mock of the DecisionTelecom API: Viber here, SMS API v1, HLR and Verify in moreApis.js (loopback
 * only, no dependencies).
 *
 * Wire format: DecisionTelecom's documented Viber API: JSON bodies, HTTP Basic with the base64 of the
 * access key, Yii2-style error bodies ({name, message, code, status}) and rate-limit headers.
 *
 *   POST /v1/api/send-viber     -> {"message_id":<id>}        (ids consecutive, raw JSON integers)
 *   POST /v1/api/receive-viber  -> {"message_id":<id>,"status":N[,"sms_message_id":X,"sms_message_status":Y]}
 *   SMS API v1, HLR and Verify (2FA): see moreApis.js
 *   GET  /health                -> {"ok":true}
 *   GET  /__control/requests    -> every request received (JSON array)
 *   GET  /__control/state       -> counters and configuration
 *   GET  /__control/summary     -> counters, request count by status, first arrival / last answer
 *   POST /__control/reset       -> forget requests, counters, statuses, faults (body: optional options)
 *   POST /__control/configure   -> merge options (see DEFAULTS and moreApis.js) and/or queue faults
 *   GET  /__control/verifications -> the one-time codes sent, by verification id
 *
 * Module use:  const { startMock } = require('./server');
 *              const mock = await startMock({ port: 0, apiKey: 'k' });
 *              mock.url, mock.port, mock.requests(), mock.reset(), mock.configure({...}), await mock.close()
 * CLI use:     node test/mock/server.js --port 18080 [--api-key KEY] [--log requests.jsonl]
 *
 * Faults (options.faults, consumed one per request to /v1/api/*, in order; `times` repeats one):
 *   { type: 'rateLimit', http: 429|200, retryAfter?: seconds, rateLimitReset?: seconds }
 *   { type: 'serverErrorText' }            HTTP 500 "Some general error"
 *   { type: 'serverErrorJson', http?: 500|200 }   code 2 body
 *   { type: 'balance', http?: 402|200 }   code 3 body
 *   { type: 'invalidParameter', param: 'x', http?: 400|200 }
 *   { type: 'unauthorized' }               HTTP 401 Yii2 body
 *   { type: 'html', http?: 502 }           HTML error page
 *   { type: 'malformedJson' }              HTTP 200 `{message: 429}`
 *   { type: 'reset' }                      connection reset (socket destroyed, no response)
 *   { type: 'delay', ms: 30000 }           answer normally after a long delay
 *   { type: 'none' }                       answer normally (to interleave faults with successes)
 */
const http = require('node:http');
const fs = require('node:fs');

const more = require('./moreApis');

const UNAUTHORIZED_BODY =
	'{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}';
const RATE_LIMIT_BODY =
	'{"name":"Too Many Requests","message":"Rate limit exceeded","code":0,"status":429}';
const SERVER_ERROR_BODY =
	'{"name":"Internal server error","message":"The server encountered an unexpected condition which prevented it from fulfilling the request","code":2,"status":500}';
const BALANCE_BODY =
	'{"name":"Topup balance is required","message":"User balance is empty","code":3,"status":402}';
const invalidParameterBody = (param) =>
	`{"name":"Invalid Parameter: ${param}","message":"Empty parameter or parameter validation error","code":1,"status":400}`;

const DEFAULTS = {
	apiKey: 'test-access-key',
	/** first message_id; a string or number; may exceed 2^53 (kept as BigInt). */
	startMessageId: '429',
	/** HTTP status used for API error bodies: 'matching' (400/402/429/500) or 200. */
	errorHttpStatus: 'matching',
	/**
	 * Rate limit on /v1/api/* (0 = unlimited), Yii2 RateLimiter style: an allowance of N requests
	 * refilled continuously at N per second (so at most N at once after a quiet second); a request
	 * finding less than 1 left is answered 429 with Retry-After and X-Rate-Limit-* headers, and
	 * (like Yii2) the allowance is set to 0. Answers that pass carry X-Rate-Limit-Limit/Remaining/Reset.
	 */
	rateLimitPerSecond: 0,
	/** HTTP status of rate-limit answers from the limiter ('matching' = 429, or 200). */
	rateLimitHttpStatus: 429,
	/** latency added to every /v1/api/* answer, in ms. */
	latencyMs: 0,
	/** status answered for ids sent through this mock and not configured otherwise. */
	defaultStatus: 0,
	/** per message id (string): { status, sms_message_id?, sms_message_status? } */
	statuses: {},
	/** queue of scripted faults, see header. */
	faults: [],
	/** optional JSONL file that receives every request record. */
	logFile: undefined,
	...more.MORE_DEFAULTS,
};

/** The defaults with fresh maps and queues, so that no state is shared between mocks. */
function freshOptions() {
	const options = { ...DEFAULTS, statuses: {}, faults: [] };
	for (const name of more.MAP_OPTIONS) options[name] = {};
	for (const name of more.QUEUE_OPTIONS) options[name] = [];
	return options;
}

const REQUIRED_SEND_FIELDS = ['source_addr', 'destination_addr', 'message_type', 'source_type'];

function createState(options) {
	const state = { options: freshOptions(), requests: [] };
	applyOptions(state, options || {});
	resetCounters(state);
	return state;
}

function resetCounters(state) {
	state.nextId = BigInt(String(state.options.startMessageId));
	state.sent = new Map(); // id -> raw body
	state.acceptedBodies = new Map(); // canonical body -> count
	state.counters = { accepted: 0, duplicates: 0, rejected: 0, rateLimited: 0, statusQueries: 0 };
	state.bucket = undefined; // { allowance, at } of the rate limiter, created on first use
	more.resetMore(state);
}

function applyOptions(state, options) {
	const o = { ...options };
	if (o.faults) {
		const expanded = [];
		for (const f of o.faults) for (let i = 0; i < (f.times || 1); i++) expanded.push({ ...f });
		state.options.faults.push(...expanded);
		delete o.faults;
	}
	for (const name of ['statuses', ...more.MAP_OPTIONS]) {
		if (!o[name]) continue;
		Object.assign(state.options[name], o[name]);
		delete o[name];
	}
	for (const name of more.QUEUE_OPTIONS) {
		if (!o[name]) continue;
		state.options[name].push(...o[name]);
		delete o[name];
	}
	Object.assign(state.options, o);
	if (o.rateLimitPerSecond !== undefined) state.bucket = undefined;
	if (o.startMessageId !== undefined && state.counters)
		state.nextId = BigInt(String(o.startMessageId));
	if (o.startLookupId !== undefined && state.counters)
		state.nextLookupId = BigInt(String(o.startLookupId));
	if (o.startVerificationId !== undefined && state.counters)
		state.nextVerificationId = BigInt(String(o.startVerificationId));
}

function canonical(value) {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object')
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
			.join(',')}}`;
	return JSON.stringify(value);
}

function checkAuth(header, apiKey) {
	if (!header || !/^Basic /i.test(header)) return false;
	const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
	return decoded === apiKey || decoded === `${apiKey}:`;
}

/** The message_id of a receive-viber body, as digits, read from the raw text (no precision loss). */
function rawMessageId(rawBody) {
	const m = /"message_id"\s*:\s*"?\s*(-?\d+)\s*"?/.exec(rawBody || '');
	return m ? m[1] : undefined;
}

function isEmpty(v) {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function handleSend(state, body) {
	for (const field of REQUIRED_SEND_FIELDS)
		if (isEmpty(body[field])) return apiError(state, 400, invalidParameterBody(field));
	const type = Number(body.message_type);
	if (![106, 108, 206, 208, 222, 225, 301, 304].includes(type))
		return apiError(state, 400, invalidParameterBody('message_type'));
	if (![1, 2].includes(Number(body.source_type)))
		return apiError(state, 400, invalidParameterBody('source_type'));
	if (!/^\d{1,20}$/.test(String(body.destination_addr)))
		return apiError(state, 400, invalidParameterBody('destination_addr'));
	if (String(body.source_addr).length > 20)
		return apiError(state, 400, invalidParameterBody('source_addr'));
	if ([106, 108, 206, 208].includes(type) && isEmpty(body.text))
		return apiError(state, 400, invalidParameterBody('text'));
	if ([108, 208].includes(type))
		for (const field of ['image', 'button_caption', 'button_action'])
			if (isEmpty(body[field])) return apiError(state, 400, invalidParameterBody(field));
	const id = state.nextId.toString();
	state.nextId += 1n;
	const key = canonical(body);
	const seen = state.acceptedBodies.get(key) || 0;
	if (seen > 0) state.counters.duplicates++;
	state.acceptedBodies.set(key, seen + 1);
	state.counters.accepted++;
	state.sent.set(id, body);
	return { status: 200, body: `{"message_id":${id}}`, accepted: true, messageId: id };
}

function handleStatus(state, body, raw) {
	const id = rawMessageId(raw);
	if (id === undefined) return apiError(state, 400, invalidParameterBody('message_id'));
	state.counters.statusQueries++;
	const configured = state.options.statuses[id];
	if (!configured && !state.sent.has(id))
		return apiError(state, 400, invalidParameterBody('message_id'));
	const s = configured || { status: state.options.defaultStatus };
	let text = `{"message_id":${id},"status":${Number(s.status)}`;
	if (s.sms_message_id !== undefined && s.sms_message_id !== null)
		text += `,"sms_message_id":${String(s.sms_message_id)}`;
	if (s.sms_message_status !== undefined && s.sms_message_status !== null)
		text += `,"sms_message_status":${Number(s.sms_message_status)}`;
	return { status: 200, body: `${text}}` };
}

function apiError(state, matchingStatus, body, httpOverride) {
	state.counters.rejected++;
	let status = httpOverride;
	if (status === undefined)
		status =
			state.options.errorHttpStatus === 'matching'
				? matchingStatus
				: Number(state.options.errorHttpStatus);
	return { status, body };
}

function faultResponse(state, fault) {
	switch (fault.type) {
		case 'rateLimit': {
			const headers = {};
			if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
			if (fault.rateLimitReset !== undefined) {
				headers['X-Rate-Limit-Limit'] = String(fault.rateLimitLimit ?? 1);
				headers['X-Rate-Limit-Remaining'] = '0';
				headers['X-Rate-Limit-Reset'] = String(fault.rateLimitReset);
			}
			return { status: fault.http ?? 429, body: RATE_LIMIT_BODY, headers, rejected: true };
		}
		case 'serverErrorText':
			return {
				status: fault.http ?? 500,
				body: fault.body ?? 'Some general error',
				contentType: 'text/plain',
				rejected: true,
			};
		case 'serverErrorJson':
			return { status: fault.http ?? 500, body: SERVER_ERROR_BODY, rejected: true };
		case 'balance':
			return { status: fault.http ?? 402, body: BALANCE_BODY, rejected: true };
		case 'invalidParameter':
			return {
				status: fault.http ?? 400,
				body: invalidParameterBody(fault.param || 'source_addr'),
				rejected: true,
			};
		case 'unauthorized':
			return { status: 401, body: UNAUTHORIZED_BODY, rejected: true };
		case 'html':
			return {
				status: fault.http ?? 502,
				body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
				contentType: 'text/html',
				rejected: true,
			};
		case 'malformedJson':
			return { status: fault.http ?? 200, body: '{message: 429}', rejected: true };
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

function createServer(state) {
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			handle(state, req, res, raw).catch((err) => {
				if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
				res.end(String(err && err.stack));
			});
		});
	});
	server.on('connection', (socket) => {
		state.sockets.add(socket);
		socket.on('close', () => state.sockets.delete(socket));
	});
	return server;
}

function send(
	res,
	status,
	body,
	extraHeaders = {},
	contentType = 'application/json; charset=UTF-8',
) {
	res.writeHead(status, {
		'content-type': contentType,
		'content-length': Buffer.byteLength(body),
		...extraHeaders,
	});
	res.end(body);
}

/** The control API (not logged); true when `path` was one of its routes. */
function handleControl(state, req, res, path, raw) {
	const get = req.method === 'GET';
	if (path === '/health') send(res, 200, '{"ok":true}');
	else if (path === '/__control/requests' && get) send(res, 200, JSON.stringify(state.requests));
	else if (path === '/__control/state' && get)
		send(
			res,
			200,
			JSON.stringify({
				counters: state.counters,
				nextId: state.nextId.toString(),
				options: state.options,
			}),
		);
	else if (path === '/__control/summary' && get) send(res, 200, JSON.stringify(summary(state)));
	else if (path === '/__control/verifications' && get)
		send(res, 200, JSON.stringify(more.verificationsOf(state)));
	else if (path === '/__control/reset' && req.method === 'POST') {
		reset(state, raw ? JSON.parse(raw) : {});
		send(res, 200, '{"ok":true}');
	} else if (path === '/__control/configure' && req.method === 'POST') {
		applyOptions(state, raw ? JSON.parse(raw) : {});
		send(res, 200, '{"ok":true}');
	} else return false;
	return true;
}

/** Logs one API request as it arrived, with its body parsed when it is JSON. */
function recordRequest(state, req, url, raw) {
	let parsed;
	let parseError;
	try {
		parsed = raw ? JSON.parse(raw) : undefined;
	} catch (e) {
		parseError = e.message;
	}
	const receivedAt = Date.now();
	const record = {
		time: new Date(receivedAt).toISOString(),
		receivedAt,
		respondedAt: null,
		method: req.method,
		path: url.pathname,
		query: url.search,
		authorization: req.headers.authorization ?? null,
		contentType: req.headers['content-type'] ?? null,
		accept: req.headers.accept ?? null,
		rawBody: raw,
		body: parsed,
		parseError,
		status: null,
	};
	state.requests.push(record);
	return record;
}

/** Injected faults, the key and the rate limit, in the order the real API applies them. */
async function refusal(state, req, record) {
	if (state.options.latencyMs) await sleep(state.options.latencyMs);
	const fault = state.options.faults.shift();
	if (fault) {
		const r = faultResponse(state, fault);
		if (r.delayMs === undefined) {
			record.fault = fault.type;
			if (r.rejected) state.counters.rejected++;
			return { result: r };
		}
		if (r.delayMs) await sleep(r.delayMs);
	}
	if (!checkAuth(req.headers.authorization, state.options.apiKey)) {
		state.counters.rejected++;
		return { result: { status: 401, body: UNAUTHORIZED_BODY } };
	}
	const limited = rateLimit(state, Date.now());
	if (limited && !limited.allowed) {
		state.counters.rejected++;
		state.counters.rateLimited++;
		record.rateLimited = true;
		const http429 = state.options.rateLimitHttpStatus === 200 ? 200 : 429;
		return { result: { status: http429, body: RATE_LIMIT_BODY, headers: limited.headers } };
	}
	return { limited };
}

async function handle(state, req, res, raw) {
	const url = new URL(req.url, 'http://127.0.0.1');
	const path = url.pathname.replace(/\/+$/, '');
	if (handleControl(state, req, res, path, raw)) return;

	const record = recordRequest(state, req, url, raw);
	const finish = (result) => {
		record.status = result.destroy ? 'reset' : result.status;
		record.respondedAt = Date.now();
		if (result.messageId) record.messageId = result.messageId;
		if (state.options.logFile)
			fs.appendFileSync(state.options.logFile, `${JSON.stringify(record)}\n`);
		if (result.destroy) return req.socket.destroy();
		send(res, result.status, result.body, result.headers, result.contentType);
	};

	const isSend = path === '/v1/api/send-viber';
	const isStatus = path === '/v1/api/receive-viber';
	const route = state.routes[path];
	if (!isSend && !isStatus && !route)
		return finish({
			status: 404,
			body: '{"name":"Not Found","message":"Page not found.","code":0,"status":404}',
		});
	const method = route ? route.method : 'POST';
	if (req.method !== method)
		return finish({
			status: 405,
			body: `{"name":"Method Not Allowed","message":"Method Not Allowed. This URL can only handle the following request methods: ${method}.","code":0,"status":405}`,
		});

	const { result, limited } = await refusal(state, req, record);
	if (result) return finish(result);
	const withLimitHeaders = (r) =>
		limited ? { ...r, headers: { ...limited.headers, ...r.headers } } : r;
	const parsed = record.parseError ? undefined : record.body;
	if (route)
		return finish(withLimitHeaders(route.handle({ state, body: parsed, query: url.searchParams })));
	if (isSend) {
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
			return finish(withLimitHeaders(apiError(state, 400, invalidParameterBody('source_addr'))));
		return finish(withLimitHeaders(handleSend(state, parsed)));
	}
	return finish(withLimitHeaders(handleStatus(state, record.body || {}, raw)));
}

/** What the handlers in moreApis.js use of this server: its error body, ids and counters. */
function moreApiHelpers(state) {
	return {
		invalid: (field) => apiError(state, 400, invalidParameterBody(field)),
		nextMessageId: () => {
			const id = state.nextId.toString();
			state.nextId += 1n;
			return id;
		},
		accepted: (body) => {
			const key = canonical(body);
			const seen = state.acceptedBodies.get(key) || 0;
			if (seen > 0) state.counters.duplicates++;
			state.acceptedBodies.set(key, seen + 1);
			state.counters.accepted++;
		},
	};
}

/** Counters plus the time span of the API requests: first arrival to last answer (ms epoch). */
function summary(state) {
	let firstReceivedAt = null;
	let lastRespondedAt = null;
	let pending = 0;
	const byStatus = {};
	for (const r of state.requests) {
		if (firstReceivedAt === null || r.receivedAt < firstReceivedAt) firstReceivedAt = r.receivedAt;
		if (r.respondedAt === null) pending++;
		else if (lastRespondedAt === null || r.respondedAt > lastRespondedAt)
			lastRespondedAt = r.respondedAt;
		byStatus[r.status] = (byStatus[r.status] || 0) + 1;
	}
	return {
		counters: { ...state.counters },
		requests: state.requests.length,
		pending,
		byStatus,
		firstReceivedAt,
		lastRespondedAt,
	};
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

function reset(state, options) {
	state.requests.length = 0;
	state.options = {
		...freshOptions(),
		apiKey: state.options.apiKey,
		startMessageId: state.options.startMessageId,
		logFile: state.options.logFile,
	};
	applyOptions(state, options || {});
	resetCounters(state);
}

/**
 * Start the mock on 127.0.0.1. options: DEFAULTS plus `port` (0 = any free port).
 * Resolves to { url, port, requests(), counters(), reset(opts), configure(opts), close() }.
 */
function startMock(options = {}) {
	const { port = 0, host = '127.0.0.1', ...rest } = options;
	const state = createState(rest);
	state.sockets = new Set();
	state.routes = more.moreRoutes(moreApiHelpers(state));
	const server = createServer(state);
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const actual = server.address().port;
			resolve({
				url: `http://${host}:${actual}`,
				port: actual,
				requests: () => state.requests.slice(),
				counters: () => ({ ...state.counters }),
				summary: () => summary(state),
				reset: (opts) => reset(state, opts),
				configure: (opts) => applyOptions(state, opts),
				close: () =>
					new Promise((done) => {
						for (const s of state.sockets) s.destroy();
						server.close(() => done());
					}),
			});
		});
	});
}

module.exports = {
	startMock,
	checkAuth,
	rawMessageId,
	bodies: {
		UNAUTHORIZED_BODY,
		RATE_LIMIT_BODY,
		SERVER_ERROR_BODY,
		BALANCE_BODY,
		invalidParameterBody,
	},
};

if (require.main === module) {
	const args = process.argv.slice(2);
	const opt = (name, def) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : def;
	};
	startMock({
		port: Number(opt('port', process.env.DT_MOCK_PORT || 18080)),
		apiKey: opt('api-key', process.env.DT_MOCK_API_KEY || DEFAULTS.apiKey),
		startMessageId: opt('start-id', DEFAULTS.startMessageId),
		rateLimitPerSecond: Number(opt('rate-limit', 0)),
		latencyMs: Number(opt('latency', 0)),
		logFile: opt('log', undefined),
	}).then(
		(mock) => {
			console.log(`DecisionTelecom mock listening on ${mock.url} (base URL ${mock.url}/v1/api)`);
			const stop = () => mock.close().then(() => process.exit(0));
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
		},
		(err) => {
			console.error(err.message);
			process.exit(1);
		},
	);
}
