import { codeToNumber } from '../../shared/exactJson';
import { messageIdOf } from '../../shared/messageId';
import { isPlainObject } from '../../shared/objects';
import type { Endpoint, SendWording } from '../../transport/endpoints';

const FIELD_LABELS: Record<string, string> = {
	phone: 'Recipient',
	sender: 'Sender',
	text: 'Text',
	validity_period: 'Validity Period (Minutes)',
	message_id: 'Message ID',
};

const SMS_WORDING: SendWording = {
	notSent: 'the SMS was not sent',
	unknownOutcome:
		'The SMS may have been accepted (and charged), so it was not sent again. DecisionTelecom sends no delivery report for SMS: check your DecisionTelecom account before resending.',
};

/**
 * The entries of a send-sms answer's `message_data`: one per SMS, and perhaps one per part of a
 * long SMS (DecisionTelecom does not say). Undefined unless every entry carries a message id.
 */
export function messageEntriesOf(body: unknown): Array<Record<string, unknown>> | undefined {
	if (!isPlainObject(body)) return undefined;
	const data = body.message_data;
	const entries = Array.isArray(data) ? data : isPlainObject(data) ? [data] : [];
	if (entries.length === 0) return undefined;
	const valid = entries.every(
		(entry) => isPlainObject(entry) && messageIdOf(entry.message_id) !== undefined,
	);
	return valid ? (entries as Array<Record<string, unknown>>) : undefined;
}

/** A status as DecisionTelecom may write it: a word, or an SMPP number. */
function isStatusValue(value: unknown): boolean {
	return (typeof value === 'string' && value.trim() !== '') || codeToNumber(value) !== undefined;
}

/** POST send-sms: accepted with `message_data` entries that each carry a message id. */
export const SEND_SMS: Endpoint = {
	path: 'send-sms',
	method: 'POST',
	effect: 'sends',
	action: 'send the SMS',
	isSuccess: (body) => messageEntriesOf(body) !== undefined,
	fieldLabels: FIELD_LABELS,
	wording: SMS_WORDING,
};

/** GET status?message_id=: a status answer carries the message id and a status. */
export const SMS_STATUS: Endpoint = {
	path: 'status',
	method: 'GET',
	effect: 'reads',
	action: 'get the status of the SMS',
	isSuccess: (body) =>
		isPlainObject(body) && messageIdOf(body.message_id) !== undefined && isStatusValue(body.status),
	fieldLabels: FIELD_LABELS,
};
