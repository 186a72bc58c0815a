'use strict';
/** The mock's state: its options (DEFAULTS), counters, ids and the requests it received. */
const more = require('./moreApis');

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
	/** queue of scripted faults, see server.js. */
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
		for (const f of o.faults)
			for (let i = 0; i < (f.times || 1); i++) state.options.faults.push({ ...f });
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
	if (!state.counters) return;
	if (o.startMessageId !== undefined) state.nextId = BigInt(String(o.startMessageId));
	if (o.startLookupId !== undefined) state.nextLookupId = BigInt(String(o.startLookupId));
	if (o.startVerificationId !== undefined)
		state.nextVerificationId = BigInt(String(o.startVerificationId));
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

function canonical(value) {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object')
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
			.join(',')}}`;
	return JSON.stringify(value);
}

/** Counts an accepted send; a body equal to one accepted before counts as a duplicate. */
function countAccepted(state, body) {
	const key = canonical(body);
	const seen = state.acceptedBodies.get(key) || 0;
	if (seen > 0) state.counters.duplicates++;
	state.acceptedBodies.set(key, seen + 1);
	state.counters.accepted++;
}

function nextMessageId(state) {
	const id = state.nextId.toString();
	state.nextId += 1n;
	return id;
}

/** An API error body, answered with its own status or the configured `errorHttpStatus`. */
function apiError(state, matchingStatus, body) {
	state.counters.rejected++;
	const configured = state.options.errorHttpStatus;
	return { status: configured === 'matching' ? matchingStatus : Number(configured), body };
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

module.exports = {
	DEFAULTS,
	createState,
	applyOptions,
	reset,
	countAccepted,
	nextMessageId,
	apiError,
	summary,
};
