import {
	classifyCallback,
	classifyCallbackBody,
	isInboundMessage,
	normaliseTime,
	trackingDataToMessageId,
} from '../../nodes/DecisionTelecom/trigger/classify';

describe('normaliseTime', () => {
	it.each([
		[2121212121, '2037-03-21T01:35:21.000Z'],
		['2121212121', '2037-03-21T01:35:21.000Z'],
		[1732670000.5, '2024-11-27T01:13:20.500Z'],
		[1732670000123, '2024-11-27T01:13:20.123Z'],
		['1732670000123', '2024-11-27T01:13:20.123Z'],
		[99999999999, '5138-11-16T09:46:39.000Z'],
		[100000000000, '1973-03-03T09:46:40.000Z'],
		['100000000000', '1973-03-03T09:46:40.000Z'],
		[0, '1970-01-01T00:00:00.000Z'],
		[' 2121212121 ', '2037-03-21T01:35:21.000Z'],
		['1732670000.25', '2024-11-27T01:13:20.250Z'],
		['2026-11-27T01:40:00+02:00', '2026-11-26T23:40:00.000Z'],
		// The ends of what a Date holds.
		[8.64e15, '+275760-09-13T00:00:00.000Z'],
		[-8.64e15, '-271821-04-20T00:00:00.000Z'],
	])('%j gives %s', (value, iso) => {
		expect(normaliseTime(value)).toBe(iso);
	});

	it.each([
		undefined,
		null,
		'',
		'soon',
		{},
		[],
		Number.NaN,
		Number.POSITIVE_INFINITY,
		1e300,
		8.64e15 + 1,
		'99999999999999999999',
	])('%j gives null', (value) => {
		expect(normaliseTime(value)).toBeNull();
	});
});

describe('trackingDataToMessageId', () => {
	it.each([
		['tracking_id:100035', '100035'],
		['tracking_id: 100035', '100035'],
		['TRACKING_ID=42', '42'],
		['tracking_id :7', '7'],
		['tracking_idx:7', null],
		[['tracking_id:5'], null],
		['order=7;tracking_id:9007199254740993', '9007199254740993'],
		['something else', null],
		['my_tracking_id:5', null],
		[undefined, null],
		[100035, null],
	])('%j gives %j', (value, id) => {
		expect(trackingDataToMessageId(value)).toBe(id);
	});
});

describe('classifyCallback', () => {
	it('recognises a status by message_id and status', () => {
		const isStatus = (entry: unknown) => classifyCallback(entry)?.eventType === 'deliveryStatus';
		expect(isStatus({ message_id: 429, status: 0 })).toBe(true);
		expect(isStatus({ message_id: '429', status: '20' })).toBe(true);
		expect(isStatus({ message_id: 429 })).toBe(false);
		expect(isStatus({ status: 1 })).toBe(false);
		expect(isStatus({ message_id: '', status: 1 })).toBe(false);
		expect(isStatus({ message_id: 429, status: 'delivered' })).toBe(false);
		expect(isStatus([{ message_id: 429, status: 1 }])).toBe(false);
	});

	it('recognises a reply by message_token and phone_number', () => {
		expect(
			isInboundMessage({ message_token: 1, phone_number: '380', message: { text: 'x' } }),
		).toBe(true);
		expect(isInboundMessage({ message_token: '1', phone_number: 380 })).toBe(true);
		expect(isInboundMessage({ message_token: 1, message: { text: 'x' } })).toBe(false);
		expect(isInboundMessage({ phone_number: '380', message: { text: 'x' } })).toBe(false);
		expect(isInboundMessage({ message_token: 1, phone_number: '380', message: [1] })).toBe(false);
		expect(isInboundMessage({ message_token: 1, phone_number: '380', message: null })).toBe(true);
		expect(isInboundMessage({ message_token: 1, phone_number: null })).toBe(false);
		expect(isInboundMessage({ message_token: 1, phone_number: '' })).toBe(false);
	});

	it('reads numbers and booleans in a reply as text, and keeps only a finite time as timeRaw', () => {
		const reply = (message: unknown, time?: unknown) =>
			classifyCallback({ message_token: 1, phone_number: '1', message, time });
		expect(reply({ text: 42, tracking_data: 7 })).toMatchObject({ text: '42', trackingData: '7' });
		expect(reply({ text: false })).toMatchObject({ text: 'false' });
		expect(reply({ text: { nested: true } })).toMatchObject({ text: null });
		expect(reply('hi', 2121212121)).toMatchObject({ timeRaw: 2121212121 });
		expect(reply('hi', '2121212121')).toMatchObject({ timeRaw: '2121212121' });
		// exactJson reads 1e400 as Infinity: no time.
		expect(reply('hi', Number.POSITIVE_INFINITY)).toMatchObject({ time: null, timeRaw: null });
	});

	it('names statuses the way describeDelivery does', () => {
		expect(classifyCallback({ message_id: 1, status: 2 })).toMatchObject({
			eventType: 'deliveryStatus',
			viberStatusName: 'error',
			final: true,
			delivered: false,
		});
		expect(classifyCallback({ message_id: 1, status: 5 })).toMatchObject({
			viberStatusName: 'pending',
			final: false,
		});
	});

	it('normalises a reply with missing optional parts to nulls', () => {
		expect(classifyCallback({ message_token: 7, phone_number: '380501234567' })).toEqual({
			eventType: 'inboundMessage',
			phoneNumber: '380501234567',
			text: null,
			messageToken: '7',
			time: null,
			timeRaw: null,
			inReplyToMessageId: null,
			trackingData: null,
		});
	});

	it('takes a plain string message as the text', () => {
		expect(
			classifyCallback({
				message_token: 7,
				phone_number: '1',
				message: 'STOP',
				tracking_data: 'tracking_id:3',
			}),
		).toMatchObject({ text: 'STOP', inReplyToMessageId: '3' });
	});

	it('returns null for anything else', () => {
		for (const entry of [null, 42, 'x', [], {}, { text: 'hi' }]) {
			expect(classifyCallback(entry)).toBeNull();
		}
	});

	it('classifies each array entry and leaves unknown ones out', () => {
		const value = [
			{ message_id: 1, status: 1 },
			{ nope: true },
			{ message_token: 2, phone_number: '3' },
		];
		const entries = classifyCallbackBody(value, value);
		expect(entries.map((e) => e.event.eventType)).toEqual(['deliveryStatus', 'inboundMessage']);
		expect(entries[0].raw).toBe(value[0]);
		expect(entries[1].raw).toBe(value[2]);
	});

	it('keeps the flat form fields as the raw of a single entry', () => {
		const raw = { message_token: '2', phone_number: '3', 'message[text]': 'hi' };
		const entries = classifyCallbackBody(
			{ message_token: '2', phone_number: '3', message: { text: 'hi' } },
			raw,
		);
		expect(entries[0].raw).toBe(raw);
	});
});
