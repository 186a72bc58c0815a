'use strict';
/** The mock's Viber endpoints: send-viber and receive-viber, with the API's parameter checks. */
const { invalidParameterBody } = require('./faults');
const { apiError, countAccepted, nextMessageId } = require('./state');

const REQUIRED_SEND_FIELDS = ['source_addr', 'destination_addr', 'message_type', 'source_type'];
const MESSAGE_TYPES = [106, 108, 206, 208, 222, 225, 301, 304];
const WITH_TEXT = [106, 108, 206, 208];
const WITH_IMAGE_AND_BUTTON = [108, 208];

/** DecisionTelecom's code-1 refusal of one parameter. */
function invalid(state, field) {
	return apiError(state, 400, invalidParameterBody(field));
}

function isEmpty(v) {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** The first parameter of a send-viber body that the API refuses, or undefined. */
function refusedSendField(body) {
	const missing = REQUIRED_SEND_FIELDS.find((field) => isEmpty(body[field]));
	if (missing) return missing;
	const type = Number(body.message_type);
	if (!MESSAGE_TYPES.includes(type)) return 'message_type';
	if (![1, 2].includes(Number(body.source_type))) return 'source_type';
	if (!/^\d{1,20}$/.test(String(body.destination_addr))) return 'destination_addr';
	if (String(body.source_addr).length > 20) return 'source_addr';
	if (WITH_TEXT.includes(type) && isEmpty(body.text)) return 'text';
	if (WITH_IMAGE_AND_BUTTON.includes(type))
		return ['image', 'button_caption', 'button_action'].find((field) => isEmpty(body[field]));
	return undefined;
}

function handleSend(state, body) {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return invalid(state, 'source_addr');
	const refused = refusedSendField(body);
	if (refused) return invalid(state, refused);
	const id = nextMessageId(state);
	countAccepted(state, body);
	state.sent.set(id, body);
	return { status: 200, body: `{"message_id":${id}}`, accepted: true, messageId: id };
}

/** The message_id of a receive-viber body, as digits, read from the raw text (no precision loss). */
function rawMessageId(rawBody) {
	const m = /"message_id"\s*:\s*"?\s*(-?\d+)\s*"?/.exec(rawBody || '');
	return m ? m[1] : undefined;
}

function handleStatus(state, raw) {
	const id = rawMessageId(raw);
	if (id === undefined) return invalid(state, 'message_id');
	state.counters.statusQueries++;
	const configured = state.options.statuses[id];
	if (!configured && !state.sent.has(id)) return invalid(state, 'message_id');
	const s = configured || { status: state.options.defaultStatus };
	let text = `{"message_id":${id},"status":${Number(s.status)}`;
	if (s.sms_message_id !== undefined && s.sms_message_id !== null)
		text += `,"sms_message_id":${String(s.sms_message_id)}`;
	if (s.sms_message_status !== undefined && s.sms_message_status !== null)
		text += `,"sms_message_status":${Number(s.sms_message_status)}`;
	return { status: 200, body: `${text}}` };
}

/** The Viber routes, in the shape of moreApis.js's: POST only, JSON body. */
const viberRoutes = {
	'/v1/api/send-viber': { method: 'POST', handle: ({ state, body }) => handleSend(state, body) },
	'/v1/api/receive-viber': { method: 'POST', handle: ({ state, raw }) => handleStatus(state, raw) },
};

module.exports = { viberRoutes, invalid, rawMessageId };
