import {
	describeDelivery,
	smsStatusName,
	viberStatusName,
} from '../../../nodes/DecisionTelecom/actions/viberMessage/deliveryStatus';

describe('viberStatusName', () => {
	it.each([
		[0, 'sent'],
		[1, 'delivered'],
		[2, 'error'],
		[3, 'rejected'],
		[4, 'undelivered'],
		[5, 'pending'],
		[20, 'unknown'],
	])('%d -> %s', (code, name) => {
		expect(viberStatusName(code)).toBe(name);
	});

	it.each([
		[6, 'unknown (6)'],
		[7, 'unknown (7)'],
		[19, 'unknown (19)'],
		[21, 'unknown (21)'],
		[26, 'unknown (26)'],
		[-1, 'unknown (-1)'],
	])('unknown code %d -> %s', (code, name) => {
		expect(viberStatusName(code)).toBe(name);
	});
});

describe('smsStatusName', () => {
	it.each([
		[0, 'unknown'],
		[1, 'enroute'],
		[2, 'delivered'],
		[3, 'expired'],
		[4, 'deleted'],
		[5, 'undeliverable'],
		[6, 'accepted'],
		[7, 'unknown'],
		[8, 'rejected'],
	])('%d -> %s', (code, name) => {
		expect(smsStatusName(code)).toBe(name);
	});

	it.each([
		[9, 'unknown (9)'],
		[20, 'unknown (20)'],
		[-2, 'unknown (-2)'],
	])('unknown code %d -> %s', (code, name) => {
		expect(smsStatusName(code)).toBe(name);
	});
});

describe('describeDelivery', () => {
	it.each([
		[{ sms_message_id: 0, sms_message_status: 0 }],
		[{ sms_message_id: null, sms_message_status: null }],
		[{ sms_message_id: '0' }],
		[{ sms_message_status: 0 }],
	])('SMS fields of 0 or null mean there is no SMS leg: %j', (sms) => {
		expect(describeDelivery({ message_id: 429, status: 4, ...sms })).toMatchObject({
			smsMessageId: null,
			smsStatus: null,
			smsStatusName: null,
			final: true,
			delivered: false,
			deliveredVia: 'none',
		});
	});

	it('an SMS id with state 0 is an SMS leg whose state is not known yet', () => {
		expect(
			describeDelivery({ message_id: 429, status: 4, sms_message_id: 3098, sms_message_status: 0 }),
		).toMatchObject({
			smsMessageId: '3098',
			smsStatus: 0,
			smsStatusName: 'unknown',
			final: false,
		});
	});

	it('R1: Viber delivered, no SMS leg', () => {
		expect(describeDelivery({ message_id: 429, status: 1 })).toEqual({
			messageId: '429',
			viberStatus: 1,
			viberStatusName: 'delivered',
			smsMessageId: null,
			smsStatus: null,
			smsStatusName: null,
			final: true,
			delivered: true,
			deliveredVia: 'viber',
		});
	});

	it.each([
		[0, 'sent', false],
		[2, 'error', true],
		[3, 'rejected', true],
		[4, 'undelivered', true],
		[5, 'pending', false],
		[20, 'unknown', false],
		[7, 'unknown (7)', false],
	])(
		'R2..R7: Viber status %d (%s) without SMS leg -> final %s, not delivered',
		(status, name, final) => {
			expect(describeDelivery({ message_id: 429, status })).toEqual({
				messageId: '429',
				viberStatus: status,
				viberStatusName: name,
				smsMessageId: null,
				smsStatus: null,
				smsStatusName: null,
				final,
				delivered: false,
				deliveredVia: 'none',
			});
		},
	);

	it('R8: Viber delivered and SMS delivered -> delivered via Viber', () => {
		expect(
			describeDelivery({
				message_id: 429,
				status: 1,
				sms_message_id: 36478,
				sms_message_status: 2,
			}),
		).toEqual({
			messageId: '429',
			viberStatus: 1,
			viberStatusName: 'delivered',
			smsMessageId: '36478',
			smsStatus: 2,
			smsStatusName: 'delivered',
			final: true,
			delivered: true,
			deliveredVia: 'viber',
		});
	});

	it('R9: SMS accepted', () => {
		const report = describeDelivery({
			message_id: 429,
			status: 1,
			sms_message_id: 3098,
			sms_message_status: 6,
		});
		expect(report.smsMessageId).toBe('3098');
		expect(report.smsStatus).toBe(6);
		expect(report.smsStatusName).toBe('accepted');
		expect(report.deliveredVia).toBe('viber');
		expect(report.final).toBe(true);
	});

	it('C3: Viber undelivered, then the SMS was delivered -> delivered via SMS, final', () => {
		expect(
			describeDelivery({
				message_id: 429,
				status: 4,
				sms_message_id: 36478,
				sms_message_status: 2,
			}),
		).toEqual({
			messageId: '429',
			viberStatus: 4,
			viberStatusName: 'undelivered',
			smsMessageId: '36478',
			smsStatus: 2,
			smsStatusName: 'delivered',
			final: true,
			delivered: true,
			deliveredVia: 'sms',
		});
	});

	it.each([
		[3, 'expired'],
		[4, 'deleted'],
		[5, 'undeliverable'],
		[8, 'rejected'],
	])('R10: Viber undelivered and SMS %d (%s) -> final failure', (sms, name) => {
		const report = describeDelivery({
			message_id: 429,
			status: 4,
			sms_message_id: 36478,
			sms_message_status: sms,
		});
		expect(report.smsStatusName).toBe(name);
		expect(report.final).toBe(true);
		expect(report.delivered).toBe(false);
		expect(report.deliveredVia).toBe('none');
	});

	it.each([
		[0, 'unknown'],
		[1, 'enroute'],
		[6, 'accepted'],
		[7, 'unknown'],
		[42, 'unknown (42)'],
	])('Viber undelivered and SMS still %d (%s) -> pending, not final', (sms, name) => {
		const report = describeDelivery({
			message_id: 429,
			status: 4,
			sms_message_id: 36478,
			sms_message_status: sms,
		});
		expect(report.smsStatusName).toBe(name);
		expect(report.final).toBe(false);
		expect(report.delivered).toBe(false);
		expect(report.deliveredVia).toBe('none');
	});

	it('Viber failed and an SMS id without a status yet -> SMS pending, not final', () => {
		expect(describeDelivery({ message_id: 429, status: 2, sms_message_id: 36478 })).toEqual({
			messageId: '429',
			viberStatus: 2,
			viberStatusName: 'error',
			smsMessageId: '36478',
			smsStatus: null,
			smsStatusName: null,
			final: false,
			delivered: false,
			deliveredVia: 'none',
		});
	});

	it('Viber failed and an SMS status without an id -> the SMS leg decides', () => {
		expect(describeDelivery({ message_id: 429, status: 3, sms_message_status: 6 }).final).toBe(
			false,
		);
		expect(describeDelivery({ message_id: 429, status: 3, sms_message_status: 5 }).final).toBe(
			true,
		);
	});

	it('treats null SMS fields as no SMS leg (R11)', () => {
		const report = describeDelivery({
			message_id: 429,
			status: 4,
			sms_message_id: null,
			sms_message_status: null,
		});
		expect(report.smsMessageId).toBeNull();
		expect(report.smsStatus).toBeNull();
		expect(report.final).toBe(true);
		expect(report.delivered).toBe(false);
	});

	it('Viber pending but SMS delivered counts as delivered via SMS', () => {
		const report = describeDelivery({
			message_id: 429,
			status: 5,
			sms_message_id: 1,
			sms_message_status: 2,
		});
		expect(report.delivered).toBe(true);
		expect(report.deliveredVia).toBe('sms');
		expect(report.final).toBe(true);
	});

	it('accepts numeric strings for ids and codes, and keeps big ids exact', () => {
		expect(
			describeDelivery({
				message_id: '9007199254740993',
				status: '4',
				sms_message_id: '12345678901234567890',
				sms_message_status: '2',
			}),
		).toEqual({
			messageId: '9007199254740993',
			viberStatus: 4,
			viberStatusName: 'undelivered',
			smsMessageId: '12345678901234567890',
			smsStatus: 2,
			smsStatusName: 'delivered',
			final: true,
			delivered: true,
			deliveredVia: 'sms',
		});
	});

	it('reports missing or unusable fields as null and not final', () => {
		expect(describeDelivery({})).toEqual({
			messageId: null,
			viberStatus: null,
			viberStatusName: null,
			smsMessageId: null,
			smsStatus: null,
			smsStatusName: null,
			final: false,
			delivered: false,
			deliveredVia: 'none',
		});
		const odd = describeDelivery({
			message_id: 1.5,
			status: 'delivered',
			sms_message_status: '2.0',
		});
		expect(odd.messageId).toBeNull();
		expect(odd.viberStatus).toBeNull();
		expect(odd.smsStatus).toBeNull();
		expect(odd.final).toBe(false);
	});
});
