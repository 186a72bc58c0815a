import { messageIdOf } from '../../shared/messageId';
import { isPlainObject } from '../../shared/objects';
import type { Endpoint, SendWording } from '../../transport/endpoints';

const FIELD_LABELS: Record<string, string> = { phones: 'Phone Number', id: 'Lookup ID' };

export const LOOKUP_WORDING: SendWording = {
	notSent: 'no lookup was made',
	unknownOutcome:
		'The lookup may have been made (and charged), so it was not repeated. Check your DecisionTelecom account before looking the number up again.',
};

type Entry = Record<string, unknown>;

/** The entries of an hlr answer: one per number, each with its lookup id (an array, or one object). */
export function createdLookupsOf(body: unknown): Entry[] | undefined {
	const entries = Array.isArray(body)
		? body
		: isPlainObject(body) && 'id' in body && 'phone' in body
			? [body]
			: [];
	if (entries.length === 0) return undefined;
	return entries.every((entry) => isPlainObject(entry) && messageIdOf(entry.id) !== undefined)
		? (entries as Entry[])
		: undefined;
}

/** The entries of an hlr-status answer: an array (bulk), or one object that is a lookup's. */
export function lookupEntriesOf(body: unknown): Entry[] | undefined {
	if (Array.isArray(body)) return body.every(isPlainObject) ? (body as Entry[]) : undefined;
	return isPlainObject(body) && ('id' in body || 'phone' in body) ? [body] : undefined;
}

/** POST hlr: starts one lookup per number; charged like a send, so never repeated blindly. */
export const HLR: Endpoint = {
	path: 'hlr',
	method: 'POST',
	effect: 'sends',
	action: 'look up the phone numbers',
	isSuccess: (body) => createdLookupsOf(body) !== undefined,
	fieldLabels: FIELD_LABELS,
	wording: LOOKUP_WORDING,
};

/** GET hlr-status?id=N, or id=["1","2"] for several: the lookups' results, or their progress. */
export const HLR_STATUS: Endpoint = {
	path: 'hlr-status',
	method: 'GET',
	effect: 'reads',
	action: 'read the lookup results',
	isSuccess: (body) => lookupEntriesOf(body) !== undefined,
	fieldLabels: FIELD_LABELS,
};
