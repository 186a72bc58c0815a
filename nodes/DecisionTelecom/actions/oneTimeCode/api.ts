import { isErrorBody } from '../../transport/answers';
import { messageIdOf } from '../../shared/messageId';
import { isPlainObject } from '../../shared/objects';
import type { Endpoint, SendWording } from '../../transport/endpoints';

const FIELD_LABELS: Record<string, string> = {
	phone: 'Phone Number',
	pin_length: 'Code Length',
	template_id: 'Template ID',
	country_iso: 'Language',
	id: 'Verification ID',
};

const CODE_WORDING: SendWording = {
	notSent: 'no code was sent',
	unknownOutcome:
		'The code may have been sent (and charged), so it was not sent again. Check your DecisionTelecom account before sending the customer a new code.',
};

/** POST two-factor-auth: accepted with the verification id. Sends an SMS, so never repeated blindly. */
export const TWO_FACTOR_AUTH: Endpoint = {
	path: 'two-factor-auth',
	method: 'POST',
	effect: 'sends',
	action: 'send the code',
	isSuccess: (body) => isPlainObject(body) && messageIdOf(body.id) !== undefined,
	fieldLabels: FIELD_LABELS,
	wording: CODE_WORDING,
};

/**
 * GET get-pin?id=: the code DecisionTelecom sent, `{id, phone, pin}`. What it answers for an
 * unknown or expired id is not documented: any object that is not an error body counts as an
 * answer, and one without a usable pin means the code is not available.
 */
export const GET_PIN: Endpoint = {
	path: 'get-pin',
	method: 'GET',
	effect: 'reads',
	action: 'read the code',
	isSuccess: (body) => isPlainObject(body) && !isErrorBody(body) && ('pin' in body || 'id' in body),
	fieldLabels: FIELD_LABELS,
};
