import { codeToNumber } from '../../shared/exactJson';
import { messageIdOf } from '../../shared/messageId';
import { isPlainObject } from '../../shared/objects';
import type { Endpoint } from '../../transport/endpoints';

const FIELD_LABELS: Record<string, string> = {
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

/** POST send-viber: accepted only with a positive whole-number message_id. */
export const SEND_VIBER: Endpoint = {
	path: 'send-viber',
	method: 'POST',
	effect: 'sends',
	action: 'send the Viber message',
	isSuccess: (body) => isPlainObject(body) && messageIdOf(body.message_id) !== undefined,
	fieldLabels: FIELD_LABELS,
};

/** POST receive-viber: a status answer carries the message id and a numeric status. */
export const RECEIVE_VIBER: Endpoint = {
	path: 'receive-viber',
	method: 'POST',
	effect: 'reads',
	action: 'get the status of the Viber message',
	isSuccess: (body) =>
		isPlainObject(body) &&
		messageIdOf(body.message_id) !== undefined &&
		codeToNumber(body.status) !== undefined,
	fieldLabels: FIELD_LABELS,
};
