import {
	type ApiOutcome,
	classifyNetworkError,
	classifyResponse,
	retryAfterMs,
} from '../../nodes/DecisionTelecom/helpers/apiResponse';

const S5 =
	'{"name":"Invalid Parameter: source_addr","message":"Empty parameter or parameter validation error","code":1,"status":400}';
const S9 = '{"name":"Too Many Requests","message":"Rate limit exceeded","code":0,"status":429}';
const S10 =
	'{"name":"Internal server error","message":"The server encountered an unexpected condition which prevented it from fulfilling the request","code":2,"status":500}';
const S11 =
	'{"name":"Topup balance is required","message":"User balance is empty","code":3,"status":402}';
const S12 =
	'{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}';

const UNKNOWN_OUTCOME_HELP =
	'The message may have been accepted (and charged), so it was not sent again. Before resending, check its delivery report in the DecisionTelecom Trigger or your DecisionTelecom account.';
const KEY_REJECTED_DESCRIPTION =
	"Open the DecisionTelecom API credential and check the 'Access Key' (paste it exactly as your account manager gave it). Nothing was sent.";
const RATE_LIMITED_MESSAGE = 'DecisionTelecom rate limit reached; the message was not accepted';
const RATE_LIMITED_DESCRIPTION =
	"Nothing was sent for this item. Lower 'Max Concurrent Requests', raise 'Rate Limit Max Wait', or run the workflow again later.";

function failureOf(outcome: ApiOutcome) {
	if (outcome.kind === 'ok') throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
	return outcome.failure;
}

describe('classifyResponse: success', () => {
	it('S1: {"message_id":429} -> ok with the body', () => {
		expect(classifyResponse('send-viber', 200, {}, '{"message_id":429}')).toEqual({
			kind: 'ok',
			body: { message_id: 429 },
		});
	});

	it('S4: a string id is accepted as is', () => {
		expect(classifyResponse('send-viber', 200, {}, '{"message_id":"429"}')).toEqual({
			kind: 'ok',
			body: { message_id: '429' },
		});
	});

	it('keeps an id above 2^53 exact', () => {
		expect(classifyResponse('send-viber', 200, {}, '{"message_id":9007199254740993}')).toEqual({
			kind: 'ok',
			body: { message_id: '9007199254740993' },
		});
	});

	it('R8: a status body with a "status" field is not mistaken for an error', () => {
		expect(
			classifyResponse(
				'receive-viber',
				200,
				{},
				'{"message_id":429,"status":1,"sms_message_id":36478,"sms_message_status":2}',
			),
		).toEqual({
			kind: 'ok',
			body: { message_id: 429, status: 1, sms_message_id: 36478, sms_message_status: 2 },
		});
	});
});

describe('classifyResponse: invalid parameter (code 1 / 400)', () => {
	it.each([200, 400])('S5/S13 with HTTP %d names the parameter Sender', (http) => {
		expect(classifyResponse('send-viber', http, {}, S5)).toEqual({
			kind: 'failed',
			failure: {
				message: "DecisionTelecom rejected the parameter 'Sender' (source_addr)",
				description:
					"Empty parameter or parameter validation error. Correct 'Sender' and run again; nothing was sent.",
				httpCode: http,
				apiCode: 1,
				outcomeUnknown: false,
			},
		});
	});

	it.each([
		['destination_addr', 'Recipient'],
		['message_type', 'Message Kind'],
		['source_type', 'Category'],
		['text', 'Text'],
		['text_sms', 'SMS Text'],
		['image', 'Image URL'],
		['button_caption', 'Button Caption'],
		['button_action', 'Button URL'],
		['callback_url', 'Callback URL'],
		['validity_period', 'Validity Period'],
		['message_id', 'Message ID'],
	])('maps %s to the display name %s', (field, label) => {
		const body = JSON.stringify({
			name: `Invalid Parameter: ${field}`,
			message: 'Empty parameter or parameter validation error',
			code: 1,
			status: 400,
		});
		const failure = failureOf(classifyResponse('send-viber', 200, {}, body));
		expect(failure.message).toBe(`DecisionTelecom rejected the parameter '${label}' (${field})`);
		expect(failure.description).toBe(
			`Empty parameter or parameter validation error. Correct '${label}' and run again; nothing was sent.`,
		);
	});

	it('shows an unmapped field by its API name', () => {
		const failure = failureOf(
			classifyResponse(
				'send-viber',
				400,
				{},
				'{"name":"Invalid Parameter: file_url","code":1,"status":400}',
			),
		);
		expect(failure.message).toBe("DecisionTelecom rejected the parameter 'file_url' (file_url)");
		expect(failure.description).toBe(
			"Empty parameter or parameter validation error. Correct 'file_url' and run again; nothing was sent.",
		);
	});

	it('falls back to the name when it names no parameter', () => {
		const failure = failureOf(
			classifyResponse(
				'send-viber',
				200,
				{},
				'{"name":"Bad Request","message":"Wrong JSON","code":1,"status":400}',
			),
		);
		expect(failure.message).toBe('DecisionTelecom rejected the request: Bad Request');
		expect(failure.description).toBe(
			'Wrong JSON. Correct the input and run again; nothing was sent.',
		);
		expect(failure.outcomeUnknown).toBe(false);
	});
});

describe('classifyResponse: access key rejected', () => {
	it.each([
		['S12 JSON with HTTP 401', 401, S12],
		['S12 JSON with HTTP 200', 200, S12],
		['JS SDK body with HTTP 401', 401, '{"status":401,"message":"Unauthorized Error"}'],
		['plain text with HTTP 401', 401, 'Some response content'],
		['empty body with HTTP 401', 401, ''],
		['plain text with HTTP 403', 403, 'Forbidden'],
	])('%s', (_label, http, body) => {
		expect(classifyResponse('send-viber', http, {}, body)).toEqual({
			kind: 'failed',
			failure: {
				message: 'The access key was rejected by DecisionTelecom',
				description: KEY_REJECTED_DESCRIPTION,
				httpCode: http,
				outcomeUnknown: false,
			},
		});
	});

	it('says the access key was rejected for receive-viber too', () => {
		expect(
			failureOf(classifyResponse('receive-viber', 401, {}, 'General error message')).message,
		).toBe('The access key was rejected by DecisionTelecom');
	});
});

describe('classifyResponse: balance (code 3 / 402)', () => {
	it.each([200, 402])('S11 with HTTP %d asks to top up', (http) => {
		expect(classifyResponse('send-viber', http, {}, S11)).toEqual({
			kind: 'failed',
			failure: {
				message: 'Your DecisionTelecom balance is empty; the message was not sent',
				description: 'Top up your DecisionTelecom balance, then run the workflow again.',
				httpCode: http,
				apiCode: 3,
				outcomeUnknown: false,
			},
		});
	});

	it('recognises code 3 even with another status', () => {
		const failure = failureOf(
			classifyResponse(
				'send-viber',
				200,
				{},
				'{"name":"Topup balance is required","code":3,"status":418}',
			),
		);
		expect(failure.message).toBe('Your DecisionTelecom balance is empty; the message was not sent');
	});
});

describe('classifyResponse: rate limit (code 0 / 429)', () => {
	it.each([200, 429])('S9 with HTTP %d is rateLimited, not accepted', (http) => {
		expect(classifyResponse('send-viber', http, {}, S9)).toEqual({
			kind: 'rateLimited',
			retryAfterMs: undefined,
			failure: {
				message: RATE_LIMITED_MESSAGE,
				description: RATE_LIMITED_DESCRIPTION,
				httpCode: http,
				apiCode: 0,
				outcomeUnknown: false,
			},
		});
	});

	it('recognises code 0 with "Rate limit exceeded" and no 429 status field', () => {
		const outcome = classifyResponse(
			'send-viber',
			200,
			{},
			'{"name":"Too Many Requests","message":" Rate limit exceeded","code":0,"status":"429"}',
		);
		expect(outcome.kind).toBe('rateLimited');
		const outcome2 = classifyResponse(
			'send-viber',
			200,
			{},
			'{"name":"Error","message":"Rate limit exceeded","code":0,"status":400}',
		);
		expect(outcome2.kind).toBe('rateLimited');
	});

	it('a bare HTTP 429 with a text body is rateLimited too', () => {
		expect(classifyResponse('send-viber', 429, {}, 'Too Many Requests')).toEqual({
			kind: 'rateLimited',
			retryAfterMs: undefined,
			failure: {
				message: RATE_LIMITED_MESSAGE,
				description: RATE_LIMITED_DESCRIPTION,
				httpCode: 429,
				apiCode: 0,
				outcomeUnknown: false,
			},
		});
	});

	it('reads Retry-After in seconds', () => {
		expect(classifyResponse('send-viber', 429, { 'Retry-After': '3' }, S9)).toMatchObject({
			kind: 'rateLimited',
			retryAfterMs: 3000,
		});
		expect(classifyResponse('send-viber', 429, { 'retry-after': '1.5' }, 'x')).toMatchObject({
			kind: 'rateLimited',
			retryAfterMs: 1500,
		});
		expect(classifyResponse('send-viber', 200, { 'RETRY-AFTER': ['2'] }, S9)).toMatchObject({
			kind: 'rateLimited',
			retryAfterMs: 2000,
		});
	});

	describe('with a fixed Date.now', () => {
		const NOW = Date.parse('2026-11-27T02:00:00.000Z');
		let spy: jest.SpyInstance<number, []>;
		beforeEach(() => {
			spy = jest.spyOn(Date, 'now').mockReturnValue(NOW);
		});
		afterEach(() => {
			spy.mockRestore();
		});

		it('reads Retry-After as an HTTP date', () => {
			expect(
				classifyResponse('send-viber', 429, { 'Retry-After': 'Fri, 27 Nov 2026 02:00:07 GMT' }, S9),
			).toMatchObject({ kind: 'rateLimited', retryAfterMs: 7000 });
		});

		it('reads X-Rate-Limit-Reset as seconds to wait', () => {
			expect(classifyResponse('send-viber', 429, { 'X-Rate-Limit-Reset': '4' }, S9)).toMatchObject({
				kind: 'rateLimited',
				retryAfterMs: 4000,
			});
		});

		it('reads X-Rate-Limit-Reset as a Unix time', () => {
			const reset = String(NOW / 1000 + 9);
			expect(
				classifyResponse('send-viber', 200, { 'x-rate-limit-reset': reset }, S9),
			).toMatchObject({
				kind: 'rateLimited',
				retryAfterMs: 9000,
			});
		});
	});
});

describe('retryAfterMs', () => {
	const NOW = Date.parse('2026-11-27T02:00:00.000Z');

	it.each([
		[{ 'Retry-After': '0' }, 0],
		[{ 'Retry-After': '10' }, 10000],
		[{ 'Retry-After': ' 2.25 ' }, 2250],
		[{ 'Retry-After': 'Fri, 27 Nov 2026 02:00:30 GMT' }, 30000],
		[{ 'Retry-After': 'Fri, 27 Nov 2026 01:59:00 GMT' }, 0],
		[{ 'X-Rate-Limit-Reset': '12' }, 12000],
		[{ 'X-RateLimit-Reset': '5' }, 5000],
		[{ 'X-Rate-Limit-Reset': String(NOW / 1000 + 60) }, 60000],
		[{ 'X-Rate-Limit-Reset': String(NOW / 1000 - 60) }, 0],
		[{ 'Retry-After': '3', 'X-Rate-Limit-Reset': '60' }, 3000],
		[{ 'Retry-After': 'soon', 'X-Rate-Limit-Reset': '8' }, 8000],
	])('%j -> %d ms', (headers, ms) => {
		expect(retryAfterMs(headers, NOW)).toBe(ms);
	});

	it.each([
		[{}],
		[{ 'Retry-After': 'soon' }],
		[{ 'X-Rate-Limit-Reset': 'later' }],
		[{ 'Retry-After': null }],
	])('%j -> undefined', (headers) => {
		expect(retryAfterMs(headers as Record<string, unknown>, NOW)).toBeUndefined();
	});
});

describe('classifyResponse: server errors and unreadable answers', () => {
	it('S7: HTTP 500 with text on send-viber -> outcome unknown', () => {
		expect(classifyResponse('send-viber', 500, {}, 'Some general error')).toEqual({
			kind: 'failed',
			failure: {
				message: 'Outcome unknown: DecisionTelecom answered HTTP 500',
				description: UNKNOWN_OUTCOME_HELP,
				httpCode: 500,
				outcomeUnknown: true,
			},
		});
	});

	it.each([200, 500])('S10 (code 2) with HTTP %d on send-viber -> outcome unknown', (http) => {
		expect(classifyResponse('send-viber', http, {}, S10)).toEqual({
			kind: 'failed',
			failure: {
				message:
					'Outcome unknown: DecisionTelecom reported an internal error (Internal server error)',
				description: UNKNOWN_OUTCOME_HELP,
				httpCode: http,
				apiCode: 2,
				outcomeUnknown: true,
			},
		});
	});

	it('S10 on receive-viber says the status could not be read and nothing changed', () => {
		expect(classifyResponse('receive-viber', 200, {}, S10)).toEqual({
			kind: 'failed',
			failure: {
				message:
					'DecisionTelecom could not return the status: DecisionTelecom reported an internal error (Internal server error)',
				description: 'Nothing was changed. Try again in a few minutes.',
				httpCode: 200,
				apiCode: 2,
				outcomeUnknown: true,
			},
		});
	});

	it('an HTML error page with HTTP 502 -> outcome unknown', () => {
		const html =
			'<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';
		expect(classifyResponse('send-viber', 502, { 'content-type': 'text/html' }, html)).toEqual({
			kind: 'failed',
			failure: {
				message: 'Outcome unknown: DecisionTelecom answered HTTP 502',
				description: UNKNOWN_OUTCOME_HELP,
				httpCode: 502,
				outcomeUnknown: true,
			},
		});
	});

	it('an HTML page with HTTP 200 has no message id -> outcome unknown', () => {
		expect(
			classifyResponse('send-viber', 200, {}, '<html><body>Maintenance</body></html>'),
		).toEqual({
			kind: 'failed',
			failure: {
				message: 'Outcome unknown: DecisionTelecom sent an answer without a message id',
				description: UNKNOWN_OUTCOME_HELP,
				httpCode: 200,
				outcomeUnknown: true,
			},
		});
	});

	it('an HTML 404 page says to check the Base URL and that nothing was sent', () => {
		expect(classifyResponse('send-viber', 404, {}, '<html><body>Not Found</body></html>')).toEqual({
			kind: 'failed',
			failure: {
				message: 'DecisionTelecom answered HTTP 404',
				description: "Nothing answers at this address. Check the 'Base URL' in the credential.",
				httpCode: 404,
				outcomeUnknown: false,
			},
		});
	});

	it('another 4xx without a JSON error body', () => {
		expect(classifyResponse('send-viber', 405, {}, 'Method Not Allowed')).toEqual({
			kind: 'failed',
			failure: {
				message: 'DecisionTelecom answered HTTP 405',
				description:
					'The request was not accepted. Check the parameters and the Base URL in the credential.',
				httpCode: 405,
				outcomeUnknown: false,
			},
		});
	});

	it('S8: malformed JSON {message: 429} with HTTP 200 -> failed, outcome unknown', () => {
		expect(classifyResponse('send-viber', 200, {}, '{message: 429}')).toEqual({
			kind: 'failed',
			failure: {
				message: 'Outcome unknown: DecisionTelecom sent an answer without a message id',
				description: UNKNOWN_OUTCOME_HELP,
				httpCode: 200,
				outcomeUnknown: true,
			},
		});
	});

	it('R14: malformed JSON on receive-viber -> failed, status not returned', () => {
		expect(failureOf(classifyResponse('receive-viber', 200, {}, '{message: 429}'))).toEqual({
			message:
				'DecisionTelecom could not return the status: DecisionTelecom sent an answer without a message id',
			description: 'Nothing was changed. Try again in a few minutes.',
			httpCode: 200,
			outcomeUnknown: true,
		});
	});

	it.each(['', '   ', '[]', '[429]', '429', '"429"', '{"message_id":null}', '{}'])(
		'%j with HTTP 200 on send-viber -> outcome unknown',
		(body) => {
			const failure = failureOf(classifyResponse('send-viber', 200, {}, body));
			expect(failure.message).toBe(
				'Outcome unknown: DecisionTelecom sent an answer without a message id',
			);
			expect(failure.outcomeUnknown).toBe(true);
		},
	);

	it('an unrecognised error body is refused with its name and message', () => {
		expect(
			classifyResponse(
				'send-viber',
				404,
				{},
				'{"name":"Not Found","message":"Page not found.","code":0,"status":404}',
			),
		).toEqual({
			kind: 'failed',
			failure: {
				message: 'DecisionTelecom refused the request: Not Found',
				description: 'Page not found.',
				httpCode: 404,
				apiCode: 0,
				outcomeUnknown: false,
			},
		});
	});
});

describe('classifyNetworkError', () => {
	// The socket code goes into the description, not the message: n8n replaces error messages
	// that contain such codes with its own generic text.
	it('ECONNRESET on send-viber -> outcome unknown', () => {
		expect(
			classifyNetworkError('send-viber', { code: 'ECONNRESET', message: 'socket hang up' }),
		).toEqual({
			kind: 'failed',
			failure: {
				message: 'Outcome unknown: the connection to DecisionTelecom was lost',
				description: `${UNKNOWN_OUTCOME_HELP} (ECONNRESET)`,
				httpCode: undefined,
				outcomeUnknown: true,
			},
		});
	});

	it.each([
		[{ code: 'ETIMEDOUT' }, ' (ETIMEDOUT)'],
		[{ code: 'ECONNABORTED', message: 'timeout of 30000ms exceeded' }, ' (ECONNABORTED)'],
		[{ message: 'Request timeout' }, ''],
	])('a timeout %j -> outcome unknown, did not answer in time', (error, suffix) => {
		expect(classifyNetworkError('send-viber', error)).toEqual({
			kind: 'failed',
			failure: {
				message: 'Outcome unknown: DecisionTelecom did not answer in time',
				description: `${UNKNOWN_OUTCOME_HELP}${suffix}`,
				httpCode: undefined,
				outcomeUnknown: true,
			},
		});
	});

	it('a lost connection without a code', () => {
		expect(failureOf(classifyNetworkError('send-viber', { message: 'socket hang up' }))).toEqual({
			message: 'Outcome unknown: the connection to DecisionTelecom was lost',
			description: UNKNOWN_OUTCOME_HELP,
			httpCode: undefined,
			outcomeUnknown: true,
		});
	});

	it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])('%s -> not sent, outcome known', (code) => {
		expect(classifyNetworkError('send-viber', { code })).toEqual({
			kind: 'failed',
			failure: {
				message: 'Could not connect to DecisionTelecom',
				description: `Nothing was sent (${code}). Check the 'Base URL' in the credential and your network.`,
				outcomeUnknown: false,
			},
		});
	});

	it('a timeout on receive-viber says the status could not be read', () => {
		expect(failureOf(classifyNetworkError('receive-viber', { code: 'ETIMEDOUT' }))).toEqual({
			message:
				'DecisionTelecom could not return the status: DecisionTelecom did not answer in time',
			description: 'Nothing was changed. Try again in a few minutes. (ETIMEDOUT)',
			httpCode: undefined,
			outcomeUnknown: true,
		});
	});
});
