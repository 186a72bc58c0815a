import fc from 'fast-check';
import { NodeHelpers } from 'n8n-workflow';

import {
	MAX_DOUBLE_COUNTED,
	partsNotices,
} from '../../../nodes/DecisionTelecom/actions/sms/partsNotices';
import { countSmsParts, measureSms } from '../../../nodes/DecisionTelecom/shared/smsLength';

/** The notices n8n's own display rules show for a Text value, as the editor decides it. */
function shownFor(text: string): string[] {
	return partsNotices
		.filter((notice) => NodeHelpers.displayParameter({ text }, notice, { typeVersion: 1 }, null))
		.map((notice) => notice.name);
}

/** The one notice a text should show, from the node's own counting rule. */
function expectedFor(text: string): string[] {
	if (text === '') return [];
	const sms = measureSms(text);
	const parts = countSmsParts(sms);
	if (parts > 10) return ['tooManyPartsNotice'];
	const doubles = Array.from(text).filter((ch) => '^{}\\[~]|€\f'.includes(ch)).length;
	if (sms.encoding === 'GSM-7' && doubles > MAX_DOUBLE_COUNTED) return ['manyDoubleCountedNotice'];
	return [`${sms.encoding === 'GSM-7' ? 'gsm7' : 'ucs2'}Parts${parts}Notice`];
}

describe('SMS parts notices, decided by n8n-workflow displayParameter', () => {
	test.each([
		['a', 'gsm7Parts1Notice'],
		['a'.repeat(160), 'gsm7Parts1Notice'],
		['a'.repeat(161), 'gsm7Parts2Notice'],
		['€'.repeat(10) + 'a'.repeat(140), 'gsm7Parts1Notice'],
		['€'.repeat(10) + 'a'.repeat(141), 'gsm7Parts2Notice'],
		['€'.repeat(80), 'manyDoubleCountedNotice'],
		['€'.repeat(5) + 'a'.repeat(151), 'gsm7Parts2Notice'],
		['a\nb\r\nc', 'gsm7Parts1Notice'],
		['a'.repeat(1530), 'gsm7Parts10Notice'],
		['a'.repeat(1531), 'tooManyPartsNotice'],
		['€'.repeat(11), 'manyDoubleCountedNotice'],
		['€'.repeat(11) + 'a'.repeat(1531), 'tooManyPartsNotice'],
		['Привіт', 'ucs2Parts1Notice'],
		['й'.repeat(70), 'ucs2Parts1Notice'],
		['й'.repeat(71), 'ucs2Parts2Notice'],
		['😀'.repeat(35), 'ucs2Parts1Notice'],
		['😀'.repeat(36), 'ucs2Parts2Notice'],
		['й'.repeat(671), 'tooManyPartsNotice'],
		['€ й', 'ucs2Parts1Notice'],
	])('%j shows %s only', (text, name) => {
		expect(shownFor(text)).toEqual([name]);
		expect(expectedFor(text)).toEqual([name]);
	});

	test('an empty text and an expression show none', () => {
		expect(shownFor('')).toEqual([]);
		expect(shownFor('={{ $json.text }}')).toEqual([]);
		expect(shownFor('=Hello')).toEqual([]);
	});

	test('for any typed text, exactly the notice of its part count shows', () => {
		const alphabet = fc.constantFrom(
			'a',
			'Z',
			' ',
			'\n',
			'€',
			'[',
			'^',
			'\\',
			'é',
			'й',
			'😀',
			'-',
			']',
		);
		const text = fc.oneof(
			fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')),
			fc
				.tuple(fc.integer({ min: 0, max: 1600 }), fc.array(alphabet, { maxLength: 14 }))
				.map(([n, chars]) => 'a'.repeat(n) + chars.join('')),
		);
		fc.assert(
			fc.property(text, (value) => {
				if (value.startsWith('=')) return;
				expect(shownFor(value)).toEqual(expectedFor(value));
			}),
			{ numRuns: 300 },
		);
	});
});
