import { codeToNumber, idToString } from '../../shared/exactJson';
import { messageIdOf } from '../../shared/messageId';
import { smsStateOfCode } from '../../shared/smsStatus';

const VIBER_STATUS_NAMES: Record<number, string> = {
	0: 'sent',
	1: 'delivered',
	2: 'error',
	3: 'rejected',
	4: 'undelivered',
	5: 'pending',
	20: 'unknown',
};

const VIBER_FAILED = new Set([2, 3, 4]);
const VIBER_DELIVERED = 1;

export type DeliveryChannel = 'viber' | 'sms' | 'none';

/** The normalised view of a message's status, shared by Get Status and the trigger. */
export interface DeliveryReport {
	messageId: string | null;
	viberStatus: number | null;
	viberStatusName: string | null;
	smsMessageId: string | null;
	smsStatus: number | null;
	smsStatusName: string | null;
	final: boolean;
	delivered: boolean;
	deliveredVia: DeliveryChannel;
}

export function viberStatusName(code: number): string {
	return VIBER_STATUS_NAMES[code] ?? `unknown (${code})`;
}

/** The SMS leg comes as an SMPP message_state number; 0 is what SDKs use for "no state yet". */
export function smsStatusName(code: number): string {
	return code === 0 ? 'unknown' : (smsStateOfCode(code)?.name ?? `unknown (${code})`);
}

/**
 * Builds a DeliveryReport from a body shaped like receive-viber's answer
 * ({message_id, status, sms_message_id?, sms_message_status?}); ids and codes may be numbers or
 * numeric strings. A Viber failure without an SMS leg counts as final; with one, the SMS leg decides.
 */
export function describeDelivery(body: Record<string, unknown>): DeliveryReport {
	const viberStatus = codeToNumber(body.status) ?? null;
	const rawSmsStatus = codeToNumber(body.sms_message_status) ?? null;
	const rawSmsMessageId = idToString(body.sms_message_id) ?? null;
	// Without an SMS fallback the SMS fields may be absent, null or 0.
	const hasSmsLeg =
		(rawSmsMessageId !== null && rawSmsMessageId !== '0') ||
		(rawSmsStatus !== null && rawSmsStatus !== 0);
	const smsStatus = hasSmsLeg ? rawSmsStatus : null;
	const smsMessageId = hasSmsLeg ? rawSmsMessageId : null;

	let deliveredVia: DeliveryChannel = 'none';
	if (viberStatus === VIBER_DELIVERED) deliveredVia = 'viber';
	else if (smsStatus !== null && smsStateOfCode(smsStatus)?.delivered) deliveredVia = 'sms';
	const delivered = deliveredVia !== 'none';

	const viberFailed = viberStatus !== null && VIBER_FAILED.has(viberStatus);
	const smsState = smsStatus === null ? undefined : smsStateOfCode(smsStatus);
	const smsFailed = smsState !== undefined && smsState.final && !smsState.delivered;
	const final = delivered || (viberFailed && (!hasSmsLeg || smsFailed));

	return {
		messageId: messageIdOf(body.message_id) ?? idToString(body.message_id) ?? null,
		viberStatus,
		viberStatusName: viberStatus === null ? null : viberStatusName(viberStatus),
		smsMessageId,
		smsStatus,
		smsStatusName: smsStatus === null ? null : smsStatusName(smsStatus),
		final,
		delivered,
		deliveredVia,
	};
}
