import {
	waitCallbackUrl,
	waitToken,
	waitTokenMatches,
} from '../../../nodes/DecisionTelecom/actions/viberMessage/waiting/callbackUrl';
import { waitLimitOf } from '../../../nodes/DecisionTelecom/actions/viberMessage/waiting/limitWaitTime';
import { waitRecordKey } from '../../../nodes/DecisionTelecom/actions/viberMessage/waiting/waitRecord';

const NOW = Date.parse('2026-12-02T10:00:00.000Z');

describe('waitLimitOf', () => {
	it('waits without a limit unless Limit Wait Time is on', () => {
		expect(
			waitLimitOf({ limitWaitTime: false, resumeAmount: 2, resumeUnit: 'hours' }, NOW),
		).toEqual({});
	});

	it.each([
		[1, 'minutes', 60_000, 'within 1 minute'],
		[2, 'hours', 7_200_000, 'within 2 hours'],
		[1.5, 'days', 129_600_000, 'within 1.5 days'],
	])('%d %s from now', (amount, unit, ms, phrase) => {
		expect(
			waitLimitOf(
				{
					limitWaitTime: true,
					limitType: 'afterTimeInterval',
					resumeAmount: amount,
					resumeUnit: unit,
				},
				NOW,
			),
		).toEqual({
			until: new Date(NOW + ms),
			phrase,
		});
	});

	it('until a date and time', () => {
		expect(
			waitLimitOf(
				{
					limitWaitTime: true,
					limitType: 'atSpecifiedTime',
					maxDateAndTime: '2026-12-03T10:00:00Z',
				},
				NOW,
			),
		).toEqual({
			until: new Date('2026-12-03T10:00:00Z'),
			phrase: 'by 2026-12-03T10:00:00.000Z',
		});
	});

	it.each([
		[{ limitType: 'afterTimeInterval', resumeAmount: 0, resumeUnit: 'hours' }, 'Amount'],
		[{ limitType: 'afterTimeInterval', resumeAmount: 'soon', resumeUnit: 'hours' }, 'Amount'],
		[{ limitType: 'afterTimeInterval', resumeAmount: 1, resumeUnit: 'weeks' }, 'Amount'],
		[{ limitType: 'atSpecifiedTime', maxDateAndTime: 'tomorrow-ish' }, 'Max Date and Time'],
		[{ limitType: 'atSpecifiedTime', maxDateAndTime: '2026-12-02T09:59:59Z' }, 'Max Date and Time'],
	])('refuses %j, naming the field', (fields, parameter) => {
		expect(() => waitLimitOf({ limitWaitTime: true, ...fields }, NOW)).toThrow(
			expect.objectContaining({ parameter }),
		);
	});
});

describe('the callback URL of a waiting message', () => {
	it("appends the node id to n8n's resume URL path and keeps n8n's signature", () => {
		const url = waitCallbackUrl(
			'https://n8n.example.com/webhook-waiting/417?signature=abc',
			'node-1',
			'tok',
		);
		expect(url).toBe(
			'https://n8n.example.com/webhook-waiting/417/node-1?signature=abc&waitToken=tok',
		);
	});

	it('works with the resume URL of n8n 1.x, which has no signature', () => {
		expect(waitCallbackUrl('http://127.0.0.1:5678/webhook-waiting/9', 'n', 't')).toBe(
			'http://127.0.0.1:5678/webhook-waiting/9/n?waitToken=t',
		);
	});

	it('makes a token per execution and node that only the access key can make', () => {
		const token = waitToken('key-1', '417', 'node-1');
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(waitToken('key-1', '417', 'node-1')).toBe(token);
		expect(
			new Set([
				waitToken('key-2', '417', 'node-1'),
				waitToken('key-1', '418', 'node-1'),
				waitToken('key-1', '417', 'node-2'),
			]).has(token),
		).toBe(false);
		expect(waitTokenMatches(token, token)).toBe(true);
		expect(waitTokenMatches(`${token}x`, token)).toBe(false);
		expect(waitTokenMatches(undefined, token)).toBe(false);
	});

	it('keys the note of the waited message by node, within n8n custom data rules', () => {
		expect(waitRecordKey('3f1e2d4c-0000-4000-8000-00000000abcd')).toBe(
			'decisionTelecom_3f1e2d4c00004000800000000000abcd',
		);
		expect(waitRecordKey('x'.repeat(80))).toHaveLength(50);
	});
});
