'use strict';
/**
 * The mock's endpoints beyond Viber: SMS API v1, HLR and Verify (2FA), with DecisionTelecom's
 * documented bodies and query strings. Anything else is refused with the API's code-1 body.
 *
 *   POST /v1/api/send-sms          {"phone":380632132121,"sender":"InfoItd","text":"…","validity_period":120}
 *                                  -> {"message_data":[{"message_id":N,"phone":P,"part_count":k,"concat_part":1,"status":"ACCEPTD"}]}
 *   GET  /v1/api/status?message_id=N              -> {"message_id":N,"status":"DELIVRD"}
 *   POST /v1/api/hlr               {"phones":[380636151111,…]}
 *                                  -> [{"id":N,"phone":P,"href":"…/hlr-status?id=N","status":"Accepted"},…]
 *   GET  /v1/api/hlr-status?id=N                  -> {"id":N,"phone":P,"mcc":"255","mnc":"06",…}
 *   GET  /v1/api/hlr-status?id=["1","2"]          -> [{"id":"1",…},{"id":"2",…}]
 *   POST /v1/api/two-factor-auth   {"phone":380776557788,"pin_length":4,"template_id":0,"country_iso":"en"}
 *                                  -> {"id":N,"phone":P,"href":"…/get-pin?id=N","status":"ACCEPTD"}
 *   GET  /v1/api/get-pin?id=N                     -> {"id":N,"phone":P,"pin":4323} (a JSON number: a leading 0 is lost)
 *   GET  /__control/verifications                 -> {"<id>":{"phone":"…","pin":"0123"}} (for tests that type the code)
 *
 * Options (merged into the mock's options):
 *   smsPartsAsEntries   false: one message_data entry per SMS; true: one per part, each with its own id
 *   smsStatuses         per SMS message id: the status word answered (default smsDefaultStatus, 'ACCEPTD')
 *   startLookupId       first HLR lookup id ('2345234')
 *   hlrResults          per phone (digits): fields of the lookup result (default: a reachable Lifecell mobile)
 *   hlrPendingPolls     how many hlr-status answers of each lookup say "sent" before the result (0)
 *   startVerificationId first verification id ('34234234')
 *   nextPins            pins (digit strings) for the next codes sent, in order; otherwise derived from the id
 */

const MORE_DEFAULTS = {
	smsPartsAsEntries: false,
	smsStatuses: {},
	smsDefaultStatus: 'ACCEPTD',
	startLookupId: '2345234',
	hlrResults: {},
	hlrPendingPolls: 0,
	startVerificationId: '34234234',
	nextPins: [],
};

/** Options that are maps (merged by configure) and queues (appended to). */
const MAP_OPTIONS = ['smsStatuses', 'hlrResults'];
const QUEUE_OPTIONS = ['nextPins'];

const DEFAULT_HLR_RESULT = {
	mcc: '255',
	mnc: '06',
	network: 'Lifecell',
	ported: false,
	status: 0,
	error: 0,
	type: 'mobile',
	present: 'yes',
	status_message: 'Success',
};

function resetMore(state) {
	state.nextLookupId = BigInt(String(state.options.startLookupId));
	state.nextVerificationId = BigInt(String(state.options.startVerificationId));
	state.lookups = new Map(); // id -> { phone, polls }
	state.verifications = new Map(); // id -> { phone, pin }
}

// GSM 03.38: the basic table, and the extension table whose characters take two septets.
const GSM_BASIC = new Set(
	Array.from(
		'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
	),
);
const GSM_EXTENSION = new Set(Array.from('^{}\\[~]|€\f'));

function smsPartCount(text) {
	let septets = 0;
	for (const ch of text) {
		if (GSM_BASIC.has(ch)) septets += 1;
		else if (GSM_EXTENSION.has(ch)) septets += 2;
		else return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
	}
	return septets <= 160 ? 1 : Math.ceil(septets / 153);
}

const isPhone = (value) =>
	Number.isSafeInteger(value) && value > 0 && /^\d{7,15}$/.test(String(value));
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function createSendSms(api) {
	return ({ state, body }) => {
		if (!isObject(body)) return api.invalid('phone');
		if (!isPhone(body.phone)) return api.invalid('phone');
		if (typeof body.sender !== 'string' || body.sender.trim() === '' || body.sender.length > 11)
			return api.invalid('sender');
		if (typeof body.text !== 'string' || body.text.trim() === '') return api.invalid('text');
		const validity = body.validity_period;
		if (
			validity !== undefined &&
			!(Number.isInteger(validity) && validity >= 1 && validity <= 4320)
		)
			return api.invalid('validity_period');
		const parts = smsPartCount(body.text);
		const entries = [];
		for (let part = 1; part <= (state.options.smsPartsAsEntries ? parts : 1); part++) {
			const id = api.nextMessageId();
			state.sent.set(id, body);
			entries.push(
				`{"message_id":${id},"phone":${body.phone},"part_count":${parts},"concat_part":${part},"status":"ACCEPTD"}`,
			);
		}
		api.accepted(body);
		return {
			status: 200,
			body: `{"message_data":[${entries.join(',')}]}`,
			accepted: true,
			messageId: entries.length ? /"message_id":(\d+)/.exec(entries[0])[1] : undefined,
		};
	};
}

function createSmsStatus(api) {
	return ({ state, query }) => {
		const id = query.get('message_id');
		if (!id || !/^\d+$/.test(id)) return api.invalid('message_id');
		state.counters.statusQueries++;
		const word = state.options.smsStatuses[id];
		if (!word && !state.sent.has(id)) return api.invalid('message_id');
		return {
			status: 200,
			body: `{"message_id":${id},"status":${JSON.stringify(word || state.options.smsDefaultStatus)}}`,
		};
	};
}

function createHlr(api) {
	return ({ state, body }) => {
		if (
			!isObject(body) ||
			!Array.isArray(body.phones) ||
			body.phones.length === 0 ||
			!body.phones.every(isPhone)
		)
			return api.invalid('phones');
		const entries = body.phones.map((phone) => {
			const id = state.nextLookupId.toString();
			state.nextLookupId += 1n;
			state.lookups.set(id, { phone: String(phone), polls: 0 });
			return `{"id":${id},"phone":${phone},"href":"https://web.it-decision.com/v1/api/hlr-status?id=${id}","status":"Accepted"}`;
		});
		api.accepted(body);
		return { status: 200, body: `[${entries.join(',')}]`, accepted: true };
	};
}

/** The ids of an hlr-status query: `id=N`, or the bulk form `id=["1","2"]`; undefined if malformed. */
function lookupIdsOf(value) {
	if (value === null) return undefined;
	if (/^\d+$/.test(value)) return { ids: [value], bulk: false };
	let parsed;
	try {
		parsed = JSON.parse(value);
	} catch {
		return undefined;
	}
	if (
		!Array.isArray(parsed) ||
		parsed.length === 0 ||
		!parsed.every((id) => typeof id === 'string' && /^\d+$/.test(id))
	)
		return undefined;
	return { ids: parsed, bulk: true };
}

function lookupAnswer(state, id, quoted) {
	const lookup = state.lookups.get(id);
	const idText = quoted ? `"${id}"` : id;
	lookup.polls++;
	if (lookup.polls <= state.options.hlrPendingPolls)
		return `{"id":${idText},"phone":${lookup.phone},"status":"sent"}`;
	const result = { ...DEFAULT_HLR_RESULT, ...(state.options.hlrResults[lookup.phone] || {}) };
	const fields =
		result.status === 0
			? result
			: { status: result.status, status_message: result.status_message, error: result.error };
	return `{"id":${idText},"phone":${lookup.phone},${JSON.stringify(fields).slice(1)}`;
}

function createHlrStatus(api) {
	return ({ state, query }) => {
		const parsed = lookupIdsOf(query.get('id'));
		if (!parsed || !parsed.ids.every((id) => state.lookups.has(id))) return api.invalid('id');
		state.counters.statusQueries++;
		const answers = parsed.ids.map((id) => lookupAnswer(state, id, parsed.bulk));
		return { status: 200, body: parsed.bulk ? `[${answers.join(',')}]` : answers[0] };
	};
}

function pinFor(state, id, length) {
	const queued = state.options.nextPins.shift();
	if (queued !== undefined) return String(queued);
	// Deterministic, and every tenth id gets a leading zero, which get-pin loses.
	const digits = String((BigInt(id) * 7919n) % 10n ** BigInt(length)).padStart(length, '0');
	return BigInt(id) % 10n === 0n ? `0${digits.slice(1)}` : digits;
}

function createTwoFactorAuth(api) {
	return ({ state, body }) => {
		if (!isObject(body) || !isPhone(body.phone)) return api.invalid('phone');
		const length = body.pin_length === undefined ? 4 : body.pin_length;
		if (!Number.isInteger(length) || length < 4 || length > 10) return api.invalid('pin_length');
		if (!Number.isInteger(body.template_id) || body.template_id < 0)
			return api.invalid('template_id');
		if (
			body.country_iso !== undefined &&
			(typeof body.country_iso !== 'string' || !/^[a-z]{2}$/i.test(body.country_iso))
		)
			return api.invalid('country_iso');
		const id = state.nextVerificationId.toString();
		state.nextVerificationId += 1n;
		state.verifications.set(id, { phone: String(body.phone), pin: pinFor(state, id, length) });
		api.accepted(body);
		return {
			status: 200,
			body: `{"id":${id},"phone":${body.phone},"href":"https://web.it-decision.com/api/get-pin?id=${id}","status":"ACCEPTD"}`,
			accepted: true,
			messageId: id,
		};
	};
}

function createGetPin(api) {
	return ({ state, query }) => {
		const id = query.get('id');
		if (!id || !/^\d+$/.test(id) || !state.verifications.has(id)) return api.invalid('id');
		state.counters.statusQueries++;
		const { phone, pin } = state.verifications.get(id);
		return { status: 200, body: `{"id":${id},"phone":${phone},"pin":${BigInt(pin)}}` };
	};
}

/**
 * The routes of these endpoints, by path. `api` gives the handlers the server's helpers:
 * invalid(field) (the code-1 answer), nextMessageId(), accepted(body) (counts and duplicates).
 */
function moreRoutes(api) {
	return {
		'/v1/api/send-sms': { method: 'POST', handle: createSendSms(api) },
		'/v1/api/status': { method: 'GET', handle: createSmsStatus(api) },
		'/v1/api/hlr': { method: 'POST', handle: createHlr(api) },
		'/v1/api/hlr-status': { method: 'GET', handle: createHlrStatus(api) },
		'/v1/api/two-factor-auth': { method: 'POST', handle: createTwoFactorAuth(api) },
		'/v1/api/get-pin': { method: 'GET', handle: createGetPin(api) },
	};
}

function verificationsOf(state) {
	return Object.fromEntries(state.verifications);
}

module.exports = {
	MORE_DEFAULTS,
	MAP_OPTIONS,
	QUEUE_OPTIONS,
	resetMore,
	moreRoutes,
	verificationsOf,
	smsPartCount,
};
