import {
	codeToNumber,
	idToString,
	parseExactJson,
} from '../../../nodes/DecisionTelecom/shared/exactJson';

describe('parseExactJson', () => {
	it('keeps an id above 2^53 exact as a string (plain JSON.parse loses it)', () => {
		const text = '{"message_id":9007199254740993}';
		expect((JSON.parse(text) as { message_id: number }).message_id).toBe(9007199254740992);
		expect(parseExactJson(text)).toEqual({ message_id: '9007199254740993' });
	});

	it('keeps negative big integers exact', () => {
		expect(parseExactJson('[-9007199254740993]')).toEqual(['-9007199254740993']);
	});

	it('turns 2^53 itself into a string and leaves 2^53 - 1 a number', () => {
		expect(parseExactJson('[9007199254740992,9007199254740991]')).toEqual([
			'9007199254740992',
			9007199254740991,
		]);
	});

	it('keeps the C1 message_token 44444444444444 as the exact number', () => {
		const body = parseExactJson(
			'{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"a message to the service","tracking_data":"tracking_id:100035"}}',
		);
		expect(body).toEqual({
			message_token: 44444444444444,
			phone_number: '972512222222',
			time: 2121212121,
			message: { text: 'a message to the service', tracking_data: 'tracking_id:100035' },
		});
		expect(idToString((body as { message_token: unknown }).message_token)).toBe('44444444444444');
	});

	it('parses the R8 status body unchanged', () => {
		expect(
			parseExactJson('{"message_id":429,"status":1,"sms_message_id":36478,"sms_message_status":2}'),
		).toEqual({ message_id: 429, status: 1, sms_message_id: 36478, sms_message_status: 2 });
	});

	it('leaves floats and exponents alone, even long ones', () => {
		// the long float and the exponent form stay JS numbers (precision loss there is JSON's, not ours)
		expect(
			parseExactJson('[1.5,-0.25,1e3,2E-2,1e21,12345678901234567890.5,12345678901234567890e0]'),
		).toEqual([
			1.5,
			-0.25,
			1000,
			0.02,
			1e21,
			Number('12345678901234567890.5'),
			Number('12345678901234567890e0'),
		]);
	});

	it('leaves strings containing digits alone', () => {
		expect(
			parseExactJson('{"a":"9007199254740993","b":"id 12345678901234567890 x","c":"-1"}'),
		).toEqual({ a: '9007199254740993', b: 'id 12345678901234567890 x', c: '-1' });
	});

	it('is not confused by escaped quotes and backslashes inside strings', () => {
		const text = String.raw`{"a":"say \"9007199254740993\"","b":"ends with \\","c":9007199254740993,"d":"\\\"","e":12345678901234567890}`;
		expect(parseExactJson(text)).toEqual({
			a: 'say "9007199254740993"',
			b: 'ends with \\',
			c: '9007199254740993',
			d: '\\"',
			e: '12345678901234567890',
		});
	});

	it('handles nested arrays and objects', () => {
		expect(
			parseExactJson(
				'[[1,9007199254740993],[{"x":[12345678901234567890,{"y":-98765432109876543210}]}],[], {}]',
			),
		).toEqual([
			[1, '9007199254740993'],
			[{ x: ['12345678901234567890', { y: '-98765432109876543210' }] }],
			[],
			{},
		]);
	});

	it.each([
		['Cyrillic', 'Привіт'],
		['Latin-1', 'café'],
		['an emoji', 'ok 👍'],
		['ASCII only', 'hello'],
	])('keeps every id exact and the text whole in a body with %s text', (_kind, words) => {
		const body = JSON.stringify([{ text: `${words} "9007199254740993"`, id: 1 }, { text: words }])
			.replace('"id":1', '"id":9007199254740993')
			.replace(/\}\]$/, ',"n":-12345678901234567890}]');
		expect(parseExactJson(body)).toEqual([
			{ text: `${words} "9007199254740993"`, id: '9007199254740993' },
			{ text: words, n: '-12345678901234567890' },
		]);
	});

	it.each([
		['9007199254740991', 9007199254740991],
		['-9007199254740991', -9007199254740991],
		['9007199254740990', 9007199254740990],
		['8999999999999999', 8999999999999999],
		['9007199254740992', '9007199254740992'],
		['-9007199254740992', '-9007199254740992'],
		['9007199254741990', '9007199254741990'],
		['9107199254740990', '9107199254740990'],
		['10000000000000000', '10000000000000000'],
	])('reads the 16- and 17-digit edge %s as %p', (literal, expected) => {
		expect(parseExactJson(`{"id":${literal}}`)).toEqual({ id: expected });
	});

	it.each(['0000000000000000001', '-00000000000000000012345678901234567890'])(
		'refuses %s as JSON.parse does (a leading zero is not JSON)',
		(literal) => {
			expect(() => JSON.parse(`[${literal}]`)).toThrow(SyntaxError);
			expect(() => parseExactJson(`[${literal}]`)).toThrow(SyntaxError);
		},
	);

	it('reads texts above and below the 8 MiB scratch limit alike, one after another', () => {
		const entry = (i: number) => `{"id":${BigInt('9007199254740993') + BigInt(i)},"n":${i}}`;
		const body = (count: number) =>
			`[${Array.from({ length: count }, (_, i) => entry(i)).join(',')}]`;
		for (const count of [3, 300_000, 2]) {
			const read = parseExactJson(body(count)) as Array<{ id: string; n: number }>;
			expect(read).toHaveLength(count);
			expect(read[count - 1]).toEqual({
				id: String(BigInt('9007199254740993') + BigInt(count - 1)),
				n: count - 1,
			});
		}
	});

	it('handles whitespace around big integers', () => {
		expect(parseExactJson('{ "id" :\n\t9007199254740993 , "n": 7 }')).toEqual({
			id: '9007199254740993',
			n: 7,
		});
	});

	it('keeps literals and scalars', () => {
		expect(parseExactJson('[true,false,null,0,-0,"",42]')).toEqual([
			true,
			false,
			null,
			0,
			-0,
			'',
			42,
		]);
		expect(parseExactJson('9007199254740993')).toBe('9007199254740993');
		expect(parseExactJson('"text"')).toBe('text');
	});

	it.each(['{message: 429}', '', '<html>502</html>', '{"a":1', 'Some general error'])(
		'throws a SyntaxError on invalid JSON %j',
		(text) => {
			expect(() => parseExactJson(text)).toThrow(SyntaxError);
		},
	);
});

describe('idToString', () => {
	it.each([
		[429, '429'],
		[0, '0'],
		[-5, '-5'],
		['429', '429'],
		['  36478 ', '36478'],
		['9007199254740993', '9007199254740993'],
		[9007199254740994, '9007199254740994'],
		[1e21, '1000000000000000000000'],
		[BigInt('9007199254740993'), '9007199254740993'],
	])('%p -> %j', (value, expected) => {
		expect(idToString(value)).toBe(expected);
	});

	it.each([
		[undefined],
		[null],
		[''],
		['   '],
		[Number.NaN],
		[Infinity],
		[-Infinity],
		[1.5],
		[{}],
		[[429]],
		[true],
	])('%p -> undefined', (value) => {
		expect(idToString(value)).toBeUndefined();
	});
});

describe('codeToNumber', () => {
	it.each([
		[1, 1],
		[0, 0],
		[-1, -1],
		['2', 2],
		[' 20 ', 20],
		['-3', -3],
		['007', 7],
	])('%p -> %d', (value, expected) => {
		expect(codeToNumber(value)).toBe(expected);
	});

	it.each([
		[undefined],
		[null],
		[''],
		['  '],
		['1.5'],
		[1.5],
		['abc'],
		['1a'],
		[Number.NaN],
		[Infinity],
		[{}],
		[true],
		['--1'],
		['-'],
		['1234567890123456'],
	])('%p -> undefined', (value) => {
		expect(codeToNumber(value)).toBeUndefined();
	});

	it('reads text of up to 15 digits, or up to the digits asked for', () => {
		expect(codeToNumber('123456789012345')).toBe(123456789012345);
		expect(codeToNumber(' -000429 ', 6)).toBe(-429);
		expect(codeToNumber('0000429', 6)).toBeUndefined();
		expect(codeToNumber(1234567, 6)).toBe(1234567);
	});
});
