import { RECEIVE_VIBER, SEND_VIBER } from '../../../nodes/DecisionTelecom/actions/viberMessage/api';
import {
	classifyAnswer,
	classifyNetworkError,
	isErrorBody,
	type Answer,
} from '../../../nodes/DecisionTelecom/transport/answers';

const NOW = 1_800_000_000_000;
const send = (status: number, bodyText: string, headers: Record<string, unknown> = {}): Answer =>
	classifyAnswer({ status, headers, bodyText }, SEND_VIBER.isSuccess, NOW);
const read = (status: number, bodyText: string): Answer =>
	classifyAnswer({ status, headers: {}, bodyText }, RECEIVE_VIBER.isSuccess, NOW);

const INVALID =
	'{"name":"Invalid Parameter: source_addr","message":"Empty parameter or parameter validation error","code":1,"status":400}';
const BALANCE =
	'{"name":"Topup balance is required","message":"User balance is empty","code":3,"status":402}';
const RATE = '{"name":"Too Many Requests","message":"Rate limit exceeded","code":0,"status":429}';
const SERVER =
	'{"name":"Internal server error","message":"The server encountered an unexpected condition","code":2,"status":500}';
const UNAUTHORIZED =
	'{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}';

describe('classifyAnswer: the one rule for every answer', () => {
	describe('1. HTTP 500-599 is "outcome unknown", whatever the body says', () => {
		it.each([
			[500, 'Some general error'],
			[502, '{"code":0,"status":429}'],
			[503, INVALID],
			[500, BALANCE],
			[504, '{"message_id":429}'],
			[599, UNAUTHORIZED],
		])('HTTP %d with %s', (status, body) => {
			expect(send(status, body)).toEqual({
				kind: 'unknown',
				reason: `DecisionTelecom answered HTTP ${status}`,
				httpStatus: status,
			});
		});
	});

	describe('2. a 2xx success answer is accepted', () => {
		it.each([
			['{"message_id":429}', 429],
			['{"message_id":"429"}', '429'],
			['{"message_id":9007199254740993}', '9007199254740993'],
			['{"message_id":"007","extra":true}', '007'],
		])('%s', (body, id) => {
			expect(send(200, body)).toEqual({
				kind: 'accepted',
				body: expect.objectContaining({ message_id: id }),
			});
		});

		it('a status answer with a numeric "status" field is not an error body', () => {
			expect(
				read(200, '{"message_id":429,"status":1,"sms_message_id":36478,"sms_message_status":2}'),
			).toMatchObject({ kind: 'accepted' });
		});
	});

	describe('3. definite refusals when every signal agrees', () => {
		it.each([
			[401, 'Unauthorized', 'keyRejected'],
			[403, '', 'keyRejected'],
			[401, UNAUTHORIZED, 'keyRejected'],
			[200, UNAUTHORIZED, 'keyRejected'],
			[402, 'Payment required', 'balanceEmpty'],
			[200, BALANCE, 'balanceEmpty'],
			[402, BALANCE, 'balanceEmpty'],
			[200, '{"name":"Topup balance is required","code":3}', 'balanceEmpty'],
			[400, '<html>Bad request</html>', 'invalidParameter'],
			[200, INVALID, 'invalidParameter'],
			[400, INVALID, 'invalidParameter'],
			[200, '{"code":1,"message":"x"}', 'invalidParameter'],
			// Statuses and codes as text, as some gateways send them.
			[200, '{"code":"3"}', 'balanceEmpty'],
			[200, '{"name":"x","status":"402"}', 'balanceEmpty'],
			[200, '{"name":"x","status":" 402 ","code":"-0"}', 'balanceEmpty'],
		])('HTTP %d with %s -> %s', (status, body, refusal) => {
			expect(send(status, body)).toMatchObject({ kind: 'refused', refusal, httpStatus: status });
		});

		it('names the API field and keeps the API text of a validation error', () => {
			expect(send(200, INVALID)).toEqual({
				kind: 'refused',
				refusal: 'invalidParameter',
				httpStatus: 200,
				apiField: 'source_addr',
				apiText: 'Invalid Parameter: source_addr: Empty parameter or parameter validation error',
			});
		});

		it.each([
			[401, 'Unauthorized', { apiText: '' }],
			[
				200,
				'{"name":" Unauthorized ","message":" Bad key ","status":401}',
				{ apiText: 'Unauthorized: Bad key' },
			],
			[200, '{"message":"User balance is empty","code":3}', { apiText: 'User balance is empty' }],
			[
				200,
				'{"name":"Topup balance is required","code":3}',
				{ apiText: 'Topup balance is required' },
			],
			[
				200,
				'{"name":"Invalid Parameter:text","code":1}',
				{ apiText: 'Invalid Parameter:text', apiField: 'text' },
			],
			[200, '{"name":"Invalid Parameter: see the docs","code":1}', { apiField: undefined }],
		])('HTTP %d with %s: the API text and field', (status, body, expected) => {
			const answer = send(status, body);
			expect(answer).toMatchObject({ kind: 'refused', ...expected });
			if ('apiField' in expected) expect(answer).toHaveProperty('apiField', expected.apiField);
		});

		it.each([
			[429, 'Too many', {}],
			[429, RATE, { 'Retry-After': '2' }],
			[200, RATE, { 'X-Rate-Limit-Limit': '100', 'X-Rate-Limit-Reset': '1' }],
			[200, '{"name":"Too Many Requests","status":429}', {}],
		])('HTTP %d with %s -> rate limited', (status, body, headers) => {
			expect(send(status, body, headers)).toMatchObject({
				kind: 'rateLimited',
				httpStatus: status,
			});
		});

		it('passes the wait and the announced limit with a refusal', () => {
			expect(
				send(429, RATE, {
					'Retry-After': '2',
					'X-Rate-Limit-Limit': '100',
					'X-Rate-Limit-Reset': '1',
				}),
			).toEqual({
				kind: 'rateLimited',
				httpStatus: 429,
				retryAfterMs: 2000,
				limit: { requests: 100, windowMs: 1000 },
			});
		});
	});

	describe('4. everything else is "outcome unknown"', () => {
		it.each([
			[200, '{"status":200,"code":7}', 'with an error the node does not know'],
			[
				200,
				SERVER,
				'reported an internal error (Internal server error: The server encountered an unexpected condition)',
			],
			[200, '{"code":0,"status":503}', 'reported an internal error'],
			[
				200,
				'{"name":"Too Many Requests","message":"Rate limit exceeded","code":0}',
				'with an error the node does not know',
			],
			[200, '{"status":429}', 'without the expected fields'],
			[200, '{"message_id":""}', 'without the expected fields'],
			[200, '{"message_id":false}', 'without the expected fields'],
			[200, '{"message_id":0}', 'without the expected fields'],
			[200, '{"message_id":-5}', 'without the expected fields'],
			[200, '{"message_id":4.5}', 'without the expected fields'],
			[200, '{"message_id":null}', 'without the expected fields'],
			[200, '{}', 'without the expected fields'],
			[200, '[{"message_id":1}]', 'without the expected fields'],
			[200, '{message: 429}', 'not JSON'],
			[200, '<!DOCTYPE html><html></html>', 'not JSON'],
			[200, '', 'not JSON'],
			[204, '', 'not JSON'],
			[
				404,
				'{"name":"Not Found","message":"Page not found.","code":0,"status":404}',
				'with an error the node does not know',
			],
			[301, '', 'HTTP 301'],
			[405, '', 'HTTP 405'],
			[400, BALANCE, 'contradicts'],
			[402, INVALID, 'contradicts'],
			[429, INVALID, 'contradicts'],
			[401, RATE, 'contradicts'],
			[200, '{"code":3,"status":400}', 'contradicts'],
			[200, '{"message_id":429,"code":1,"status":400}', 'both a success and an error'],
			[200, '{"message_id":429,"name":"x","status":500}', 'both a success and an error'],
			[200, '{"code":"abc","status":400}', 'with an error the node does not know'],
			[200, '{"name":"x","status":500}', 'reported an internal error'],
			[200, '{"name":"x","status":500.5}', 'with an error the node does not know'],
			[200, '{"name":"x","status":"abc"}', 'with an error the node does not know'],
			// Only whole numbers, as JSON numbers or plain digits, are read as codes.
			[200, '{"code":true}', 'with an error the node does not know'],
			[200, '{"code":["1"]}', 'with an error the node does not know'],
			[200, '{"code":"0x1"}', 'with an error the node does not know'],
			[200, '{"code":"1e0"}', 'with an error the node does not know'],
			[200, '{"code":"1234567"}', 'with an error the node does not know'],
			// More than six digits is not a status: never read as 429, so never sent again.
			[200, '{"code":0,"status":"0000429"}', 'with an error the node does not know'],
		])('HTTP %d with %s', (status, body, reason) => {
			const answer = send(status, body);
			expect(answer.kind).toBe('unknown');
			expect((answer as { reason: string }).reason).toContain(reason);
		});

		it.each([
			[404, 'Not found', 'DecisionTelecom answered HTTP 404'],
			[300, '', 'DecisionTelecom answered HTTP 300'],
			[300, '{"message_id":429}', 'DecisionTelecom answered HTTP 300'],
			[101, '{"message_id":429}', 'DecisionTelecom answered HTTP 101'],
			[200, '{"code":2}', 'DecisionTelecom reported an internal error'],
			[200, '  ', 'DecisionTelecom sent an answer that is not JSON'],
		])('HTTP %d with %j: exactly "%s"', (status, body, reason) => {
			expect(send(status, body)).toEqual({ kind: 'unknown', reason, httpStatus: status });
		});

		it('a read whose answer lacks the status is unknown, so it is asked again', () => {
			expect(read(200, '{"message_id":429}')).toMatchObject({ kind: 'unknown' });
		});
	});
});

describe('isErrorBody', () => {
	it.each([
		[{ code: 1 }, true],
		[{ name: 'x', status: 400 }, true],
		[{ message_id: 1, status: 1 }, false],
		[{ name: 'x' }, false],
		[[{ code: 1 }], false],
		[null, false],
	])('%j -> %s', (body, expected) => {
		expect(isErrorBody(body)).toBe(expected);
	});
});

describe('classifyNetworkError', () => {
	it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])(
		'%s never reached DecisionTelecom: refused, unreachable',
		(code) => {
			expect(classifyNetworkError({ code })).toEqual({
				kind: 'refused',
				refusal: 'unreachable',
				apiText: '',
			});
		},
	);

	it.each([
		[{ code: 'ECONNRESET' }, 'the connection to DecisionTelecom was lost'],
		[{ code: 'ETIMEDOUT' }, 'DecisionTelecom did not answer in time'],
		[
			{ code: 'ECONNABORTED', message: 'timeout of 30000ms exceeded' },
			'DecisionTelecom did not answer in time',
		],
		[{ message: 'Request timeout' }, 'DecisionTelecom did not answer in time'],
		[{ message: 'socket hang up' }, 'the connection to DecisionTelecom was lost'],
		[{}, 'the connection to DecisionTelecom was lost'],
	])('%j may have reached DecisionTelecom: unknown', (error, reason) => {
		expect(classifyNetworkError(error)).toEqual({
			kind: 'unknown',
			reason,
			networkCode: (error as { code?: string }).code,
		});
	});
});
