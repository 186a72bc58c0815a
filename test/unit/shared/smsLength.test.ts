import {
	capacityOf,
	countSmsParts,
	doubleCountedCharacters,
	GSM7_LIMIT,
	measureSms,
	UCS2_LIMIT,
} from '../../../nodes/DecisionTelecom/shared/smsLength';

describe('measureSms', () => {
	it('exports the single-SMS limits 160 (GSM-7) and 70 (UCS-2)', () => {
		expect(GSM7_LIMIT).toBe(160);
		expect(UCS2_LIMIT).toBe(70);
	});

	it('measures plain Latin text as GSM-7, one septet per character', () => {
		expect(measureSms('SMS Message')).toEqual({ encoding: 'GSM-7', length: 11, limit: 160 });
	});

	it('measures the empty text as GSM-7 of length 0', () => {
		expect(measureSms('')).toEqual({ encoding: 'GSM-7', length: 0, limit: 160 });
	});

	it('counts every basic-table character, including the accented ones, once', () => {
		const basic =
			'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
		expect(measureSms(basic)).toEqual({
			encoding: 'GSM-7',
			length: Array.from(basic).length,
			limit: 160,
		});
		expect(Array.from(basic).length).toBe(127);
	});

	it.each(['^', '{', '}', '\\', '[', ']', '~', '|', '€', '\f'])(
		'counts the extension character %j twice',
		(ch) => {
			expect(measureSms(ch)).toEqual({ encoding: 'GSM-7', length: 2, limit: 160 });
			expect(measureSms(`a${ch}b`)).toEqual({ encoding: 'GSM-7', length: 4, limit: 160 });
		},
	);

	it('adds up basic and extension characters', () => {
		// 'Price: ' 7 + '€' 2 + '10 ' 3 + '[' 2 + 'VIP' 3 + ']' 2 = 19
		expect(measureSms('Price: €10 [VIP]')).toEqual({ encoding: 'GSM-7', length: 19, limit: 160 });
	});

	it('reaches exactly 160 with 80 euro signs and 161 with one more letter', () => {
		expect(measureSms('€'.repeat(80)).length).toBe(160);
		expect(measureSms(`${'€'.repeat(80)}a`).length).toBe(161);
	});

	it('switches to UCS-2 for Cyrillic and reports the first non-GSM character', () => {
		expect(measureSms('Hello, Привіт')).toEqual({
			encoding: 'UCS-2',
			length: 13,
			limit: 70,
			firstNonGsmCharacter: 'П',
		});
	});

	it('counts UCS-2 length in UTF-16 code units, so an emoji counts 2', () => {
		expect(measureSms('Hi 😀')).toEqual({
			encoding: 'UCS-2',
			length: 5,
			limit: 70,
			firstNonGsmCharacter: '😀',
		});
		expect(measureSms('😀'.repeat(35)).length).toBe(70);
		expect(measureSms('😀'.repeat(36)).length).toBe(72);
	});

	it('counts extension characters once in UCS-2 (no escape septets there)', () => {
		expect(measureSms('€€ й')).toEqual({
			encoding: 'UCS-2',
			length: 4,
			limit: 70,
			firstNonGsmCharacter: 'й',
		});
	});

	it.each([
		['ç', 'ç'],
		['`', '`'],
		['naïve', 'ï'],
		['a\tb', '\t'],
		['Straße ok, but “quotes” are not', '“'],
	])('%j is UCS-2 because of %j', (text, ch) => {
		const result = measureSms(text);
		expect(result.encoding).toBe('UCS-2');
		expect(result.limit).toBe(70);
		expect(result.firstNonGsmCharacter).toBe(ch);
		expect(result.length).toBe(text.length);
	});
});

describe('countSmsParts', () => {
	it.each([
		['a', 1, 1],
		['a'.repeat(160), 160, 1],
		['a'.repeat(161), 161, 2],
		['a'.repeat(306), 306, 2],
		['a'.repeat(307), 307, 3],
		['€'.repeat(80), 160, 1],
		['€'.repeat(80) + 'a', 161, 2],
		['a'.repeat(1530), 1530, 10],
		['a'.repeat(1531), 1531, 11],
	])('GSM-7 %#: %i septets are %i part(s)', (text, septets, parts) => {
		const sms = measureSms(text);
		expect(sms).toMatchObject({ encoding: 'GSM-7', length: septets });
		expect(countSmsParts(sms)).toBe(parts);
	});

	it.each([
		['й'.repeat(70), 70, 1],
		['й'.repeat(71), 71, 2],
		['й'.repeat(134), 134, 2],
		['й'.repeat(135), 135, 3],
		['😀'.repeat(35), 70, 1],
		['😀'.repeat(36), 72, 2],
		['й'.repeat(670), 670, 10],
	])('UCS-2 %#: %i units are %i part(s)', (text, units, parts) => {
		const sms = measureSms(text);
		expect(sms).toMatchObject({ encoding: 'UCS-2', length: units });
		expect(countSmsParts(sms)).toBe(parts);
	});

	it('gives the capacity of n parts: one SMS, then 153 / 67 per part', () => {
		expect([1, 2, 3, 10].map((parts) => capacityOf(parts, 'GSM-7'))).toEqual([160, 306, 459, 1530]);
		expect([1, 2, 3, 10].map((parts) => capacityOf(parts, 'UCS-2'))).toEqual([70, 134, 201, 670]);
	});
});

describe('doubleCountedCharacters', () => {
	it('lists each character an SMS counts twice once, in the order of the text', () => {
		expect(doubleCountedCharacters('a€[b€ ^')).toEqual(['€', '[', '^']);
		expect(doubleCountedCharacters('plain text')).toEqual([]);
	});
});
