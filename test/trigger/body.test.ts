import {
	expandFormFields,
	formKeyToPath,
	nestsDeeperThan,
	parseFormText,
	readCallbackBody,
} from '../../nodes/DecisionTelecom/trigger/body';

describe('formKeyToPath', () => {
	it.each([
		['message_id', ['message_id']],
		['message[text]', ['message', 'text']],
		['message.text', ['message', 'text']],
		['a[b][c]', ['a', 'b', 'c']],
		['a[b].c', ['a', 'b', 'c']],
	])('%s', (key, path) => {
		expect(formKeyToPath(key)).toEqual(path);
	});
});

describe('expandFormFields', () => {
	it('nests bracket and dot keys', () => {
		expect(
			expandFormFields({ message_token: '1', 'message[text]': 'hi', 'message.tracking_data': 't' }),
		).toEqual({ message_token: '1', message: { text: 'hi', tracking_data: 't' } });
	});

	it('does not let a nested key overwrite a plain value, nor the reverse', () => {
		expect(expandFormFields({ message: 'plain', 'message[text]': 'hi' })).toEqual({
			message: 'plain',
		});
		expect(expandFormFields({ 'message[text]': 'hi', message: 'plain' })).toEqual({
			message: { text: 'hi' },
		});
	});

	it('drops prototype-polluting keys', () => {
		const result = expandFormFields({
			'__proto__[polluted]': 'yes',
			'constructor[prototype][polluted]': 'yes',
			status: '1',
		});
		expect(result).toEqual({ status: '1' });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('drops a field whose name has no segment', () => {
		expect(expandFormFields({ '[]': 'x', '.': 'y', status: '1' })).toEqual({ status: '1' });
	});

	it('nests up to 32 levels, and gives up on a deeper name', () => {
		const name = (levels: number) => 'a' + '[b]'.repeat(levels - 1);
		expect(expandFormFields({ [name(32)]: '1' })).toBeDefined();
		expect(expandFormFields({ [name(33)]: '1' })).toBeUndefined();
	});
});

describe('nestsDeeperThan', () => {
	it('counts objects and arrays, not plain values', () => {
		expect(nestsDeeperThan(1, 0)).toBe(false);
		expect(nestsDeeperThan({ a: [1] }, 2)).toBe(false);
		expect(nestsDeeperThan({ a: [{}] }, 2)).toBe(true);
		expect(nestsDeeperThan([{ a: 1 }, [[]]], 2)).toBe(true);
		expect(nestsDeeperThan({ a: null }, 1)).toBe(false);
	});

	it('accepts 1000 callbacks in one body and refuses 1001 with 413', () => {
		const callbacks = (count: number) => Buffer.from(JSON.stringify(Array(count).fill({ a: 1 })));
		expect(readCallbackBody(callbacks(1000), {}).ok).toBe(true);
		expect(readCallbackBody(callbacks(1001), {})).toEqual({
			ok: false,
			status: 413,
			reason: '1001 callbacks in one request; the limit is 1000',
		});
	});

	it('refuses a JSON body nested deeper than 32 levels', () => {
		const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
		expect(readCallbackBody(Buffer.from(nested(32)), {}).ok).toBe(true);
		expect(readCallbackBody(Buffer.from(nested(33)), {})).toEqual({
			ok: false,
			status: 400,
			reason: 'The body nests deeper than 32 levels',
		});
	});
});

describe('parseFormText', () => {
	it('decodes fields and keeps the first of repeated fields', () => {
		expect(parseFormText('a=1&b=x+y%21&a=2')).toEqual({ a: '1', b: 'x y!' });
	});

	it('skips empty parts between ampersands', () => {
		expect(parseFormText('&a=1&&b=2&')).toEqual({ a: '1', b: '2' });
	});

	it.each(['', '&', 'plain text', 'a=1&oops', '=1'])('rejects %j', (text) => {
		expect(parseFormText(text)).toBeUndefined();
	});
});

describe('readCallbackBody', () => {
	const raw = (text: string) => Buffer.from(text, 'utf8');

	it('parses JSON from the raw body with big integers as strings', () => {
		expect(readCallbackBody(raw('{"message_id":9007199254740993,"status":1}'), {})).toEqual({
			ok: true,
			value: { message_id: '9007199254740993', status: 1 },
			raw: { message_id: '9007199254740993', status: 1 },
		});
	});

	it('prefers the raw body over the parsed one', () => {
		const result = readCallbackBody(raw('{"message_id":1,"status":1}'), { message_id: 2 });
		expect(result.ok && result.value).toEqual({ message_id: 1, status: 1 });
	});

	it('tolerates a byte-order mark and surrounding whitespace', () => {
		const result = readCallbackBody(raw('\uFEFF  [{"a":1}]\n'), {});
		expect(result.ok && result.value).toEqual([{ a: 1 }]);
	});

	it('removes only a leading byte-order mark', () => {
		const result = readCallbackBody(raw('{"text":"\uFEFFb"}'), {});
		expect(result.ok && result.value).toEqual({ text: '\uFEFFb' });
	});

	it('accepts a body of exactly 1 MiB and refuses one byte more', () => {
		const body = (bytes: number) => raw(`{"a":"${'x'.repeat(bytes - 8)}"}`);
		expect(body(1_048_576)).toHaveLength(1_048_576);
		expect(readCallbackBody(body(1_048_576), {}).ok).toBe(true);
		expect(readCallbackBody(body(1_048_577), {})).toEqual({
			ok: false,
			status: 413,
			reason: 'The body is 1048577 bytes; the limit is 1048576',
		});
	});

	it('parses form data, nesting for classification and flat as raw', () => {
		expect(readCallbackBody(raw('message%5Btext%5D=hi&phone_number=1'), {})).toEqual({
			ok: true,
			value: { message: { text: 'hi' }, phone_number: '1' },
			raw: { 'message[text]': 'hi', phone_number: '1' },
		});
	});

	it('uses the parsed body without raw bytes', () => {
		expect(readCallbackBody(undefined, { message_id: 1, status: 1 })).toMatchObject({
			ok: true,
			value: { message_id: 1, status: 1 },
		});
		expect(readCallbackBody(Buffer.alloc(0), [{ message_id: 1 }])).toMatchObject({
			ok: true,
			value: [{ message_id: 1 }],
		});
	});

	it('reads a parsed text body like raw bytes', () => {
		expect(readCallbackBody(undefined, '{"message_id":1,"status":1}')).toMatchObject({
			ok: true,
		});
	});

	it.each([
		['broken JSON', raw('{"a":'), {}, 'The body is not valid JSON'],
		['text', raw('hello'), {}, 'The body is neither JSON nor form data'],
		['blank raw body', raw('  \n'), {}, 'The body is empty'],
		['nothing at all', undefined, {}, 'The body is empty'],
		['empty parsed array', undefined, [], 'The body is empty'],
		[
			'a raw form field nested too deep',
			raw(`a${'[b]'.repeat(32)}=1`),
			{},
			'A field name nests deeper than 32 levels',
		],
		[
			'a parsed form field nested too deep',
			undefined,
			{ [`a${'[b]'.repeat(32)}`]: '1' },
			'A field name nests deeper than 32 levels',
		],
	])('rejects %s', (_name, rawBody, parsed, reason) => {
		expect(readCallbackBody(rawBody, parsed)).toEqual({ ok: false, status: 400, reason });
	});
});
