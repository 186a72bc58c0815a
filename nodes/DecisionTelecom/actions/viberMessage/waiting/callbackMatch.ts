import type { IDataObject } from 'n8n-workflow';

import type {
	ClassifiedEntry,
	DeliveryStatusEvent,
	InboundMessageEvent,
} from '../../../trigger/classify';
import type { WaitLimitPhrase } from './limitWaitTime';
import type { WaitRecord } from './waitRecord';

export type WaitFor = 'delivery' | 'reply';

/** What a callback does to a waiting execution. */
export type WaitDecision = { resume: IDataObject } | { keepWaiting: string };

function digits(value: string | null): string {
	const all = (value ?? '').replace(/\D/g, '');
	return all.startsWith('00') ? all.slice(2) : all;
}

function withoutEventType(event: DeliveryStatusEvent | InboundMessageEvent): IDataObject {
	const fields: IDataObject = { ...event };
	delete fields.eventType;
	return fields;
}

function deliveryOutcome(event: DeliveryStatusEvent, record: WaitRecord): IDataObject {
	return {
		outcome: event.delivered ? 'delivered' : 'undelivered',
		...withoutEventType(event),
		recipient: record.recipient,
	};
}

function replyOutcome(event: InboundMessageEvent, record: WaitRecord): IDataObject {
	return {
		outcome: 'replied',
		messageId: record.messageId,
		recipient: record.recipient,
		...withoutEventType(event),
	};
}

/** A reply is this message's when it names it; one without tracking data, when it comes from the recipient. */
function isReplyTo(event: InboundMessageEvent, record: WaitRecord): boolean {
	if (event.inReplyToMessageId !== null)
		return event.inReplyToMessageId.replace(/^0+/, '') === record.messageId;
	return digits(event.phoneNumber) === record.recipient;
}

/**
 * Decides whether a callback ends the wait. A delivery wait ends on a final status of this
 * message; a reply wait on this message's reply. Anything else (a status that may still change,
 * the other kind of event, another message's callback) leaves the execution waiting.
 */
export function decideOnCallback(
	waitFor: WaitFor,
	record: WaitRecord,
	entries: ClassifiedEntry[],
): WaitDecision {
	for (const { event } of entries) {
		if (
			waitFor === 'delivery' &&
			event.eventType === 'deliveryStatus' &&
			event.messageId === record.messageId &&
			event.final
		) {
			return { resume: deliveryOutcome(event, record) };
		}
		if (waitFor === 'reply' && event.eventType === 'inboundMessage' && isReplyTo(event, record)) {
			return { resume: replyOutcome(event, record) };
		}
	}
	const ownStatus = entries.some(
		({ event }) => event.eventType === 'deliveryStatus' && event.messageId === record.messageId,
	);
	if (waitFor === 'delivery' && ownStatus) return { keepWaiting: 'the status is not final yet' };
	if (waitFor === 'reply' && ownStatus)
		return { keepWaiting: 'a delivery status does not end a wait for a reply' };
	return { keepWaiting: 'the callback is not for this message' };
}

/** The item a wait ends with when its time limit passes first. */
export function timeoutItem(
	waitFor: WaitFor,
	record: WaitRecord,
	limit: WaitLimitPhrase,
): IDataObject {
	const awaited = waitFor === 'delivery' ? 'final delivery status' : 'reply';
	return {
		outcome: 'timedOut',
		messageId: record.messageId,
		recipient: record.recipient,
		waitedFor: waitFor,
		timeLimit: limit.phrase,
		detail: `No ${awaited} ${limit.phrase}. DecisionTelecom accepted the message; use Get Status with this messageId for its status now.`,
		lastKnownStatus: 'accepted',
	};
}
