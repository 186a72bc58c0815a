import { useMock } from '../faults/faultHarness';
import { EXPECTED_AUTHORIZATION } from '../helpers/workflowHarness';

// The mock's SMS, HLR and Verify endpoints: the documented bodies and query strings are answered
// as documented, anything else is refused with the API's code-1 body, and every request is logged
// in the same record format as the Viber endpoints.
const mock = useMock();

beforeEach(() => mock().reset());

async function call(
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; text: string }> {
	const response = await fetch(`${mock().url}${path}`, {
		method,
		headers: { authorization: EXPECTED_AUTHORIZATION, 'content-type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, text: await response.text() };
}

const invalid = (field: string) => ({
	status: 400,
	text: `{"name":"Invalid Parameter: ${field}","message":"Empty parameter or parameter validation error","code":1,"status":400}`,
});

const bulk = (ids: string[]) => `/v1/api/hlr-status?id=${encodeURIComponent(JSON.stringify(ids))}`;

describe('mock: SMS API v1', () => {
	test('send-sms answers message_data with the part count; status answers the word', async () => {
		expect(
			await call('POST', '/v1/api/send-sms', {
				phone: 380632132121,
				sender: 'InfoItd',
				text: 'Hello',
				validity_period: 120,
			}),
		).toEqual({
			status: 200,
			text: '{"message_data":[{"message_id":429,"phone":380632132121,"part_count":1,"concat_part":1,"status":"ACCEPTD"}]}',
		});
		expect(await call('GET', '/v1/api/status?message_id=429')).toEqual({
			status: 200,
			text: '{"message_id":429,"status":"ACCEPTD"}',
		});
		mock().reset({ smsStatuses: { 429: 'DELIVRD' } });
		expect(await call('GET', '/v1/api/status?message_id=429')).toEqual({
			status: 200,
			text: '{"message_id":429,"status":"DELIVRD"}',
		});
	});

	test('a long text: one entry, or one per part when configured', async () => {
		const text = 'й'.repeat(71);
		expect(
			JSON.parse(
				(
					await call('POST', '/v1/api/send-sms', {
						phone: 380632132121,
						sender: 'S',
						text,
						validity_period: 1,
					})
				).text,
			),
		).toEqual({
			message_data: [
				{ message_id: 429, phone: 380632132121, part_count: 2, concat_part: 1, status: 'ACCEPTD' },
			],
		});
		mock().reset({ smsPartsAsEntries: true });
		const entries = JSON.parse(
			(await call('POST', '/v1/api/send-sms', { phone: 380632132121, sender: 'S', text })).text,
		).message_data;
		expect(
			entries.map((entry: { message_id: number; concat_part: number }) => [
				entry.message_id,
				entry.concat_part,
			]),
		).toEqual([
			[429, 1],
			[430, 2],
		]);
	});

	test.each([
		[{ phone: '380632132121', sender: 'S', text: 'x' }, 'phone'],
		[{ phone: 380, sender: 'S', text: 'x' }, 'phone'],
		[{ phone: 380632132121, sender: 'TwelveLetter', text: 'x' }, 'sender'],
		[{ phone: 380632132121, sender: 'S', text: ' ' }, 'text'],
		[{ phone: 380632132121, sender: 'S', text: 'x', validity_period: 4321 }, 'validity_period'],
		['not json', 'phone'],
	])('send-sms refuses %j', async (body, field) => {
		expect(await call('POST', '/v1/api/send-sms', body)).toEqual(invalid(field));
		expect(mock().counters().accepted).toBe(0);
	});

	test('status refuses an unknown or missing id, and POST', async () => {
		expect(await call('GET', '/v1/api/status?message_id=9')).toEqual(invalid('message_id'));
		expect(await call('GET', '/v1/api/status')).toEqual(invalid('message_id'));
		expect((await call('POST', '/v1/api/status', { message_id: 1 })).status).toBe(405);
	});
});

describe('mock: HLR', () => {
	test('hlr answers one entry per number; hlr-status answers single and bulk, ids as strings in bulk', async () => {
		const created = JSON.parse(
			(await call('POST', '/v1/api/hlr', { phones: [380636151111, 380631111112] })).text,
		);
		expect(created).toEqual([
			{
				id: 2345234,
				phone: 380636151111,
				href: 'https://web.it-decision.com/v1/api/hlr-status?id=2345234',
				status: 'Accepted',
			},
			{
				id: 2345235,
				phone: 380631111112,
				href: 'https://web.it-decision.com/v1/api/hlr-status?id=2345235',
				status: 'Accepted',
			},
		]);
		expect(JSON.parse((await call('GET', '/v1/api/hlr-status?id=2345234')).text)).toEqual({
			id: 2345234,
			phone: 380636151111,
			mcc: '255',
			mnc: '06',
			network: 'Lifecell',
			ported: false,
			status: 0,
			error: 0,
			type: 'mobile',
			present: 'yes',
			status_message: 'Success',
		});
		const both = JSON.parse((await call('GET', bulk(['2345234', '2345235']))).text);
		expect(both.map((entry: { id: string; phone: number }) => [entry.id, entry.phone])).toEqual([
			['2345234', 380636151111],
			['2345235', 380631111112],
		]);
	});

	test('configured results, a failed lookup with only its status, and pending polls', async () => {
		mock().reset({
			hlrPendingPolls: 1,
			hlrResults: {
				380631111112: { status: 1, status_message: 'Invalid Number' },
				380636151111: { type: 'fixed', present: 'na' },
			},
		});
		await call('POST', '/v1/api/hlr', { phones: [380636151111, 380631111112] });
		expect(JSON.parse((await call('GET', bulk(['2345234', '2345235']))).text)).toEqual([
			{ id: '2345234', phone: 380636151111, status: 'sent' },
			{ id: '2345235', phone: 380631111112, status: 'sent' },
		]);
		expect(JSON.parse((await call('GET', bulk(['2345234', '2345235']))).text)).toEqual([
			expect.objectContaining({ id: '2345234', type: 'fixed', present: 'na', status: 0 }),
			{ id: '2345235', phone: 380631111112, status: 1, status_message: 'Invalid Number', error: 0 },
		]);
	});

	test.each([
		['POST', '/v1/api/hlr', { phones: [] }, 'phones'],
		['POST', '/v1/api/hlr', { phones: ['380636151111'] }, 'phones'],
		['POST', '/v1/api/hlr', { phone: 380636151111 }, 'phones'],
		['GET', '/v1/api/hlr-status', undefined, 'id'],
		['GET', '/v1/api/hlr-status?id=99', undefined, 'id'],
		['GET', bulk(['1']).replace('%22', ''), undefined, 'id'],
		['GET', `/v1/api/hlr-status?id=${encodeURIComponent('[1,2]')}`, undefined, 'id'],
	])('%s %s %j is refused', async (method, path, body, field) => {
		expect(await call(method, path, body)).toEqual(invalid(field));
	});
});

describe('mock: Verify (2FA)', () => {
	test('two-factor-auth answers the id; get-pin answers the pin as a number, losing a leading zero', async () => {
		mock().reset({ nextPins: ['0123'] });
		expect(
			await call('POST', '/v1/api/two-factor-auth', {
				phone: 380776557788,
				pin_length: 4,
				template_id: 0,
				country_iso: 'en',
			}),
		).toEqual({
			status: 200,
			text: '{"id":34234234,"phone":380776557788,"href":"https://web.it-decision.com/api/get-pin?id=34234234","status":"ACCEPTD"}',
		});
		expect(await call('GET', '/v1/api/get-pin?id=34234234')).toEqual({
			status: 200,
			text: '{"id":34234234,"phone":380776557788,"pin":123}',
		});
		const verifications = await (await fetch(`${mock().url}/__control/verifications`)).json();
		expect(verifications).toEqual({ 34234234: { phone: '380776557788', pin: '0123' } });
	});

	test('without queued pins, each code is derived from its id, with its length', async () => {
		await call('POST', '/v1/api/two-factor-auth', {
			phone: 380776557788,
			pin_length: 6,
			template_id: 0,
		});
		const { pin } = JSON.parse((await call('GET', '/v1/api/get-pin?id=34234234')).text);
		expect(String(pin)).toMatch(/^\d{1,6}$/);
	});

	test.each([
		[{ phone: '380776557788', template_id: 0 }, 'phone'],
		[{ phone: 380776557788, pin_length: 3, template_id: 0 }, 'pin_length'],
		[{ phone: 380776557788, pin_length: 11, template_id: 0 }, 'pin_length'],
		[{ phone: 380776557788, pin_length: 4 }, 'template_id'],
		[{ phone: 380776557788, template_id: 0, country_iso: 'english' }, 'country_iso'],
	])('two-factor-auth refuses %j', async (body, field) => {
		expect(await call('POST', '/v1/api/two-factor-auth', body)).toEqual(invalid(field));
	});

	test('get-pin refuses an unknown id', async () => {
		expect(await call('GET', '/v1/api/get-pin?id=1')).toEqual(invalid('id'));
	});
});

test('requests to the new endpoints are logged like the Viber ones', async () => {
	await call('POST', '/v1/api/send-sms', { phone: 380632132121, sender: 'S', text: 'x' });
	await call('GET', '/v1/api/status?message_id=429');
	const [send, status] = mock().requests() as unknown as Array<Record<string, unknown>>;
	expect(Object.keys(send)).toEqual(
		expect.arrayContaining([
			'time',
			'receivedAt',
			'respondedAt',
			'method',
			'path',
			'query',
			'authorization',
			'contentType',
			'accept',
			'rawBody',
			'body',
			'status',
		]),
	);
	expect(send).toMatchObject({
		method: 'POST',
		path: '/v1/api/send-sms',
		status: 200,
		messageId: '429',
		body: { phone: 380632132121 },
	});
	expect(status).toMatchObject({
		method: 'GET',
		path: '/v1/api/status',
		query: '?message_id=429',
		status: 200,
	});
	expect(mock().counters()).toMatchObject({ accepted: 1, statusQueries: 1 });
});

test('a wrong key is refused on every new endpoint', async () => {
	const response = await fetch(`${mock().url}/v1/api/get-pin?id=1`, {
		headers: { authorization: 'Basic d3Jvbmc=' },
	});
	expect(response.status).toBe(401);
});
