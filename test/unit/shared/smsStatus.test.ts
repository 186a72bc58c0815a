import { smsStateOf, smsStateOfCode } from '../../../nodes/DecisionTelecom/shared/smsStatus';

describe('SMS states', () => {
	test.each([
		['DELIVRD', 2, 'delivered', true, true],
		['UNDELIV', 5, 'undeliverable', true, false],
		['ACCEPTD', 6, 'accepted', false, false],
		['EXPIRED', 3, 'expired', true, false],
		['REJECTD', 8, 'rejected', true, false],
		['ENROUTE', 1, 'enroute', false, false],
		['DELETED', 4, 'deleted', true, false],
		['UNKNOWN', 7, 'unknown', false, false],
	])('%s is SMPP state %i, %s (final %s, delivered %s)', (word, code, name, final, delivered) => {
		const state = smsStateOf(word);
		expect(state).toMatchObject({ word, code, name, final, delivered });
		expect(state?.meaning).toMatch(/\.$/);
		expect(smsStateOfCode(code)).toBe(state);
		expect(smsStateOf(code)).toBe(state);
		expect(smsStateOf(String(code))).toBe(state);
		expect(smsStateOf(` ${word.toLowerCase()} `)).toBe(state);
	});

	test.each([
		['Delivered', 'DELIVRD'],
		['undeliverable', 'UNDELIV'],
		['UNDELIVERED', 'UNDELIV'],
		['accepted', 'ACCEPTD'],
		['Rejected', 'REJECTD'],
		['en route', 'ENROUTE'],
	])('the full word %j is read as %s', (word, abbreviation) => {
		expect(smsStateOf(word)?.word).toBe(abbreviation);
	});

	test.each([['SEEN'], [''], [0], [9], [null], [undefined], [{}], ['DELIVRD!']])(
		'%j is no known state',
		(value) => {
			expect(smsStateOf(value)).toBeUndefined();
		},
	);
});
