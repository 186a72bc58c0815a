import { describeDelivery, type DeliveryReport } from '../actions/viberMessage/deliveryStatus';
import { idToString } from '../shared/exactJson';
import { isPlainObject } from '../shared/objects';

export type CallbackEventType = 'deliveryStatus' | 'inboundMessage';

export interface DeliveryStatusEvent extends DeliveryReport {
	eventType: 'deliveryStatus';
}

export interface InboundMessageEvent {
	eventType: 'inboundMessage';
	phoneNumber: string | null;
	text: string | null;
	messageToken: string;
	time: string | null;
	timeRaw: string | number | null;
	inReplyToMessageId: string | null;
	trackingData: string | null;
}

export type CallbackEvent = DeliveryStatusEvent | InboundMessageEvent;

// A timestamp at or above 1e11 cannot be seconds (that would be the year 5138), so it is taken as
// milliseconds (1e11 ms is March 1973). Everything below is Unix seconds, as Viber-style
// payloads and DecisionTelecom's example (2121212121) use.
export const MILLISECONDS_THRESHOLD = 1e11;

// Largest time a JavaScript Date can hold, in milliseconds.
const MAX_DATE_MS = 8.64e15;

function isPresent(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/** Unix seconds below 1e11, milliseconds from 1e11 on. */
function secondsOrMilliseconds(n: number): number {
	return Math.abs(n) >= MILLISECONDS_THRESHOLD ? n : n * 1000;
}

// NaN for anything that is not a time; the caller's range check turns NaN into null.
function timeToMs(value: unknown): number {
	if (typeof value === 'number') return secondsOrMilliseconds(value);
	if (typeof value !== 'string') return Number.NaN;
	const trimmed = value.trim();
	if (/^-?\d+(\.\d+)?$/.test(trimmed)) return secondsOrMilliseconds(Number(trimmed));
	return Date.parse(trimmed);
}

/**
 * A callback time as ISO 8601 (UTC), or null. Numbers and numeric strings below 1e11 are Unix
 * seconds, from 1e11 on milliseconds; other strings are parsed as dates (e.g. ISO 8601).
 */
export function normaliseTime(value: unknown): string | null {
	const ms = timeToMs(value);
	// Written so that NaN and Infinity fail it too.
	if (!(Math.abs(ms) <= MAX_DATE_MS)) return null;
	return new Date(Math.round(ms)).toISOString();
}

/** The DecisionTelecom message id in `tracking_id:100035` (also `tracking_id=100035`), or null. */
export function trackingDataToMessageId(trackingData: unknown): string | null {
	if (typeof trackingData !== 'string') return null;
	const match = /(?:^|[\s,;&])tracking_id\s*[:=]\s*([^\s,;&]+)/i.exec(trackingData);
	return match ? match[1] : null;
}

/** The report of an entry that carries `message_id` and `status` (numbers or numeric strings), else null. */
function deliveryReportOf(entry: unknown): DeliveryReport | null {
	if (!isPlainObject(entry)) return null;
	const report = describeDelivery(entry);
	return report.messageId !== null && report.viberStatus !== null ? report : null;
}

/** A 2-way reply carries `message_token` and `phone_number` (and `message.text`, `time`). */
export function isInboundMessage(entry: unknown): entry is Record<string, unknown> {
	if (!isPlainObject(entry)) return false;
	if (idToString(entry.message_token) === undefined) return false;
	if (!isPresent(entry.phone_number)) return false;
	const message = entry.message;
	return (
		message === undefined ||
		message === null ||
		isPlainObject(message) ||
		typeof message === 'string'
	);
}

function toText(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return null;
}

function toTimeRaw(value: unknown): string | number | null {
	return typeof value === 'string' || Number.isFinite(value) ? (value as string | number) : null;
}

export function toInboundMessageEvent(entry: Record<string, unknown>): InboundMessageEvent {
	const message = entry.message;
	const text = isPlainObject(message) ? toText(message.text) : toText(message);
	const trackingData = isPlainObject(message)
		? toText(message.tracking_data)
		: toText(entry.tracking_data);
	return {
		eventType: 'inboundMessage',
		phoneNumber: idToString(entry.phone_number) ?? null,
		text,
		messageToken: idToString(entry.message_token) as string,
		time: normaliseTime(entry.time),
		timeRaw: toTimeRaw(entry.time),
		inReplyToMessageId: trackingDataToMessageId(trackingData),
		trackingData,
	};
}

/**
 * Classifies one callback entry by its shape and normalises it; null when it matches no known
 * event. A status is checked first, so an entry with both shapes counts as a status.
 */
export function classifyCallback(entry: unknown): CallbackEvent | null {
	const report = deliveryReportOf(entry);
	if (report) return { eventType: 'deliveryStatus', ...report };
	if (isInboundMessage(entry)) return toInboundMessageEvent(entry);
	return null;
}

export interface ClassifiedEntry {
	event: CallbackEvent;
	raw: unknown;
}

/**
 * Classifies a parsed body: an object is one entry, an array several. Entries that match no known
 * event are left out. `raw` has the shape of `value` (the same JSON array, or the form fields that
 * became the one object).
 */
export function classifyCallbackBody(value: unknown, raw: unknown): ClassifiedEntry[] {
	const values = Array.isArray(value) ? value : [value];
	const raws = Array.isArray(raw) ? raw : [raw];
	const entries: ClassifiedEntry[] = [];
	values.forEach((entry, index) => {
		const event = classifyCallback(entry);
		if (event) entries.push({ event, raw: raws[index] ?? entry });
	});
	return entries;
}
