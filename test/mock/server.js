'use strict';
/**
 * Mock of the DecisionTelecom API (loopback only, no dependencies): the HTTP server and its control
 * API here; Viber in viber.js, SMS API v1, HLR and Verify in moreApis.js, error bodies, faults and
 * the rate limiter in faults.js, options and counters in state.js.
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
const {
	UNAUTHORIZED_BODY,
	RATE_LIMIT_BODY,
	checkAuth,
	faultResponse,
	rateLimit,
} = require('./faults');
const mockState = require('./state');
const { viberRoutes, invalid } = require('./viber');

const { createState, applyOptions, reset, summary } = mockState;

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
	const json = (value) => send(res, 200, JSON.stringify(value));
	if (path === '/health') json({ ok: true });
	else if (path === '/__control/requests' && get) json(state.requests);
	else if (path === '/__control/state' && get)
		json({ counters: state.counters, nextId: state.nextId.toString(), options: state.options });
	else if (path === '/__control/summary' && get) json(summary(state));
	else if (path === '/__control/verifications' && get) json(more.verificationsOf(state));
	else if (path === '/__control/reset' && req.method === 'POST') {
		reset(state, raw ? JSON.parse(raw) : {});
		json({ ok: true });
	} else if (path === '/__control/configure' && req.method === 'POST') {
		applyOptions(state, raw ? JSON.parse(raw) : {});
		json({ ok: true });
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
		const r = faultResponse(fault);
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

/** Answers a request to the API: the route's method, then the refusals, then the route itself. */
async function answerApi(state, req, url, path, record) {
	const route = state.routes[path];
	if (!route)
		return {
			status: 404,
			body: '{"name":"Not Found","message":"Page not found.","code":0,"status":404}',
		};
	if (req.method !== route.method)
		return {
			status: 405,
			body: `{"name":"Method Not Allowed","message":"Method Not Allowed. This URL can only handle the following request methods: ${route.method}.","code":0,"status":405}`,
		};
	const { result, limited } = await refusal(state, req, record);
	if (result) return result;
	const body = record.parseError ? undefined : record.body;
	const answer = route.handle({ state, body, query: url.searchParams, raw: record.rawBody });
	return limited ? { ...answer, headers: { ...limited.headers, ...answer.headers } } : answer;
}

async function handle(state, req, res, raw) {
	const url = new URL(req.url, 'http://127.0.0.1');
	const path = url.pathname.replace(/\/+$/, '');
	if (handleControl(state, req, res, path, raw)) return;

	const record = recordRequest(state, req, url, raw);
	const result = await answerApi(state, req, url, path, record);
	record.status = result.destroy ? 'reset' : result.status;
	record.respondedAt = Date.now();
	if (result.messageId) record.messageId = result.messageId;
	if (state.options.logFile)
		fs.appendFileSync(state.options.logFile, `${JSON.stringify(record)}\n`);
	if (result.destroy) return req.socket.destroy();
	send(res, result.status, result.body, result.headers, result.contentType);
}

/** What the handlers in moreApis.js use of this server: its error body, ids and counters. */
function moreApiHelpers(state) {
	return {
		invalid: (field) => invalid(state, field),
		nextMessageId: () => mockState.nextMessageId(state),
		accepted: (body) => mockState.countAccepted(state, body),
	};
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}
/**
 * Start the mock on 127.0.0.1. options: DEFAULTS plus `port` (0 = any free port).
 * Resolves to { url, port, requests(), counters(), reset(opts), configure(opts), close() }.
 */
function startMock(options = {}) {
	const { port = 0, host = '127.0.0.1', ...rest } = options;
	const state = createState(rest);
	state.sockets = new Set();
	state.routes = { ...viberRoutes, ...more.moreRoutes(moreApiHelpers(state)) };
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

module.exports = { startMock };

if (require.main === module) {
	const args = process.argv.slice(2);
	const opt = (name, def) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : def;
	};
	startMock({
		port: Number(opt('port', process.env.DT_MOCK_PORT || 18080)),
		apiKey: opt('api-key', process.env.DT_MOCK_API_KEY || mockState.DEFAULTS.apiKey),
		startMessageId: opt('start-id', mockState.DEFAULTS.startMessageId),
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
