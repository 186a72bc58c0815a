import {
	TEST_ACCESS,
	countApiRequests,
	mockApi,
	runDecisionTelecom,
	sendParameters,
} from '../helpers/workflowHarness';

const requests = countApiRequests();

/** Runs a send that must fail validation; asserts nothing reached the API. */
async function invalid(parameters: Record<string, unknown>) {
	const scope = mockApi().post('/v1/api/send-viber').reply(200, { message_id: 1 });
	const result = await runDecisionTelecom({ items: [{}], parameters: sendParameters(parameters) });
	expect(scope.isDone()).toBe(false);
	expect(requests()).toBe(0);
	expect(result.output).toBeUndefined();
	return result.error!;
}

describe('Send: validation before anything is sent', () => {
	test.each([
		[{ sender: '={{ "" }}' }, 'Sender: is empty [item 0]'],
		[
			{ sender: 'A sender name that is far too long' },
			'Sender: is 34 characters long; the limit is 20 [item 0]',
		],
		[{ recipient: 'abc' }, "Recipient: 'abc' is not a phone number [item 0]"],
		[{ recipient: '0504444444' }, "Recipient: '0504444444' has no country code [item 0]"],
		[
			{ recipient: '+38 050' },
			"Recipient: '+38 050' has 5 digits; a phone number has 7 to 15 [item 0]",
		],
		[{ text: '   ' }, 'Text: is empty [item 0]'],
		[{ text: 'x'.repeat(1001) }, 'Text: is 1001 characters long; the limit is 1000 [item 0]'],
		[
			{
				messageKind: 'textImageButton',
				imageUrl: 'ftp://x/a.jpg',
				buttonCaption: 'Go',
				buttonUrl: 'https://x.com',
			},
			"Image URL: 'ftp://x/a.jpg' must start with http:// or https:// [item 0]",
		],
		[
			{
				messageKind: 'textImageButton',
				imageUrl: 'https://x.com/a.gif',
				buttonCaption: 'Go',
				buttonUrl: 'https://x.com',
			},
			"Image URL: 'https://x.com/a.gif' does not end in .jpg, .jpeg or .png [item 0]",
		],
		[
			{
				messageKind: 'textImageButton',
				imageUrl: 'https://x.com/a.jpg',
				buttonCaption: '={{ "" }}',
				buttonUrl: 'https://x.com',
			},
			'Button Caption: is empty [item 0]',
		],
		[
			{
				messageKind: 'textImageButton',
				imageUrl: 'https://x.com/a.jpg',
				buttonCaption: 'x'.repeat(31),
				buttonUrl: 'https://x.com',
			},
			'Button Caption: is 31 characters long; the limit is 30 [item 0]',
		],
		[
			{
				messageKind: 'textImageButton',
				imageUrl: 'https://x.com/a.jpg',
				buttonCaption: 'Go',
				buttonUrl: 'not a url',
			},
			"Button URL: 'not a url' is not a valid URL [item 0]",
		],
		[{ smsFallback: true, smsText: '={{ "" }}' }, 'SMS Text: is empty [item 0]'],
		[
			{ smsFallback: true, smsText: 'a'.repeat(161) },
			'SMS Text: is 161 characters long as an SMS, 1 more than the 160 that fit into one [item 0]',
		],
		[
			{ smsFallback: true, smsText: '€'.repeat(81) },
			"SMS Text: is 162 characters long as an SMS, 2 more than the 160 that fit into one ('€' counts as two characters) [item 0]",
		],
		[
			{ smsFallback: true, smsText: 'Привіт'.repeat(12) },
			"SMS Text: is 72 characters long as an SMS, 2 more than the 70 that fit into one because of 'П' (a text with Cyrillic letters, emoji or other characters beyond basic Latin fits only 70 characters into one SMS) [item 0]",
		],
		[
			{ additionalFields: { validityPeriod: 39 } },
			'Validity Period: 39 is not a whole number of seconds from 40 to 21600 [item 0]',
		],
		[
			{ additionalFields: { validityPeriod: 21601 } },
			'Validity Period: 21601 is not a whole number of seconds from 40 to 21600 [item 0]',
		],
		[
			{ additionalFields: { callbackUrl: 'mailto:ops@example.com' } },
			"Callback URL: 'mailto:ops@example.com' must start with http:// or https:// [item 0]",
		],
	])('%j is refused: %s', async (parameters, message) => {
		const error = await invalid(parameters);
		expect(error.message).toBe(message);
		expect(error.description).toBeTruthy();
	});

	test('a too long SMS Text says how much to cut, and which of its characters count twice', async () => {
		const error = await invalid({ smsFallback: true, smsText: `${'a'.repeat(150)}€€€€€€` });
		expect(error.description).toContain(
			"Cut at least 2 characters; each '€' you remove saves two.",
		);
		expect(`${error.message} ${error.description}`).not.toMatch(/GSM|UCS|\[ \]|\{ \}/);
	});

	test('a promotional message ignores the hidden SMS Fallback switch', async () => {
		// n8n drops parameters that the form does not show; the payload builder refuses the
		// combination too (unit tests), so no text_sms can ever go out on a promotional message.
		const scope = mockApi()
			.post('/v1/api/send-viber', (body) => body.source_type === 1 && !('text_sms' in body))
			.reply(200, { message_id: 9 });
		const { output } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({ category: 'promotional', smsFallback: true, smsText: 'x' }),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json).toMatchObject({ category: 'promotional', smsFallback: false });
	});

	test('a required parameter left empty is caught by n8n itself before the node runs', async () => {
		const scope = mockApi().post('/v1/api/send-viber').reply(200, { message_id: 1 });
		await expect(
			runDecisionTelecom({ items: [{}], parameters: sendParameters({ sender: '' }) }),
		).rejects.toThrow('Parameter "Sender" is required.');
		expect(scope.isDone()).toBe(false);
	});

	test.each([2, 5])(
		'[good, good, bad] at %i in flight: the run stops before the first message is sent',
		async (concurrency) => {
			mockApi().post('/v1/api/send-viber').times(3).reply(200, { message_id: 1 });
			const { error, output } = await runDecisionTelecom({
				items: [{ phone: '380501111111' }, { phone: '380502222222' }, { phone: 'n/a' }],
				parameters: sendParameters({
					recipient: '={{ $json.phone }}',
					options: { maxConcurrentRequests: concurrency },
				}),
			});
			expect(output).toBeUndefined();
			expect(error?.message).toBe("Recipient: 'n/a' is not a phone number [item 2]");
			expect(requests()).toBe(0);
		},
	);

	test.each([
		[
			{ maxConcurrentRequests: 100 },
			"Options > Max Concurrent Requests: '100' is not a whole number from 1 to 50 [item 0]",
		],
		[
			{ maxConcurrentRequests: '={{ 100 }}' },
			"Options > Max Concurrent Requests: '100' is not a whole number from 1 to 50 [item 0]",
		],
		[
			{ rateLimitMaxWait: '={{ "abc" }}' },
			"Options > Rate Limit Max Wait: 'abc' is not a number from 0 to 3600 [item 0]",
		],
		[
			{ timeout: '={{ "abc" }}' },
			"Options > Timeout: 'abc' is not a number from 1 to 600 [item 0]",
		],
	])('option %j is refused before anything is sent', async (options, message) => {
		mockApi().post('/v1/api/send-viber').reply(200, { message_id: 1 });
		const { error } = await runDecisionTelecom({
			items: [{}, {}],
			parameters: sendParameters({ options }),
			continueOnFail: true,
		}).catch((caught: Error) => ({ error: caught }));
		expect(error?.message).toBe(message);
		expect(requests()).toBe(0);
	});

	test('Get Status refuses a message id that is not a number', async () => {
		const scope = mockApi().post('/v1/api/receive-viber').reply(200, { message_id: 1, status: 1 });
		const { error } = await runDecisionTelecom({
			items: [{}],
			parameters: { resource: 'viberMessage', operation: 'getStatus', messageId: 'abc' },
		});
		expect(error?.message).toBe("Message ID: 'abc' is not a message ID [item 0]");
		expect(scope.isDone()).toBe(false);
	});
});

describe('Send: API errors', () => {
	/** One send answered so; a second request would get the same answer and be counted. */
	async function failure(
		status: number,
		body: string | object,
		headers: Record<string, string> = {},
		parameters = {},
	) {
		mockApi().post('/v1/api/send-viber').times(2).reply(status, body, headers);
		const result = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters(parameters),
		});
		expect(requests()).toBe(1);
		expect(result.output).toBeUndefined();
		return result.error!;
	}

	test.each([
		[401, '{"status":401,"message":"Unauthorized Error"}'],
		[401, 'Some response content'],
		[
			200,
			'{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}',
		],
	])('HTTP %i %s: the access key was rejected', async (status, body) => {
		const error = await failure(status, body);
		expect(error.message).toBe('The access key was rejected by DecisionTelecom [item 0]');
		expect(error.description).toContain("'Access Key'");
		expect(JSON.stringify(error)).not.toContain(TEST_ACCESS);
	});

	test.each([200, 402])('HTTP %i with code 3: the balance is empty', async (status) => {
		const error = await failure(status, {
			name: 'Topup balance is required',
			message: 'User balance is empty',
			code: 3,
			status: 402,
		});
		expect(error.message).toBe(
			'Your DecisionTelecom balance is empty; the message was not sent [item 0]',
		);
		expect(error.description).toBe(
			'Top up your DecisionTelecom balance, then run the workflow again.',
		);
	});

	test.each([200, 400])('HTTP %i with code 1 names the parameter', async (status) => {
		const error = await failure(status, {
			name: 'Invalid Parameter: source_addr',
			message: 'Empty parameter or parameter validation error',
			code: 1,
			status: 400,
		});
		expect(error.message).toBe(
			"DecisionTelecom rejected the parameter 'Sender' (source_addr) [item 0]",
		);
		expect(error.description).toContain('Empty parameter or parameter validation error');
	});

	test.each([
		[500, 'Some general error'],
		[
			200,
			{
				name: 'Internal server error',
				message: 'The server encountered an unexpected condition',
				code: 2,
				status: 500,
			},
		],
		[502, '<html><body><h1>502 Bad Gateway</h1></body></html>'],
		[502, { code: 0, status: 429 }],
		[503, { name: 'Invalid Parameter: text', code: 1, status: 400 }],
		[500, { name: 'Topup balance is required', code: 3, status: 402 }],
		[200, { status: 200, code: 7 }],
		[200, { message_id: '' }],
		[200, { message_id: false }],
		[404, 'Not Found'],
		[200, '{message: 429}'],
	])(
		'HTTP %i %j on Send is sent once and not again: the outcome is unknown',
		async (status, body) => {
			const error = await failure(status, body);
			expect(error.message).toMatch(/^Outcome unknown: .* \[item 0\]$/);
			expect(error.description).toContain('was not sent again');
		},
	);

	test('a timeout on Send is not resent', async () => {
		mockApi().post('/v1/api/send-viber').times(2).delay(1500).reply(200, { message_id: 1 });
		const { error } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({ options: { timeout: 1 } }),
		});
		expect(error?.message).toBe('Outcome unknown: DecisionTelecom did not answer in time [item 0]');
		expect(requests()).toBe(1);
	});

	test('a dropped connection on Send is not resent', async () => {
		mockApi()
			.post('/v1/api/send-viber')
			.times(2)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const { error } = await runDecisionTelecom({ items: [{}], parameters: sendParameters() });
		expect(error?.message).toBe(
			'Outcome unknown: the connection to DecisionTelecom was lost [item 0]',
		);
		expect(error?.description).toContain('(ECONNRESET)');
		expect(requests()).toBe(1);
	});

	test('429 is retried after Retry-After, for HTTP 429 and for the 200 body form', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber')
			.reply(
				429,
				{ name: 'Too Many Requests', message: 'Rate limit exceeded', code: 0, status: 429 },
				{ 'Retry-After': '0' },
			)
			.post('/v1/api/send-viber')
			.reply(
				200,
				{ name: 'Too Many Requests', message: 'Rate limit exceeded', code: 0, status: 429 },
				{ 'X-Rate-Limit-Reset': '0' },
			)
			.post('/v1/api/send-viber')
			.reply(200, { message_id: 77 });
		const { output, error } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters(),
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json.messageId).toBe('77');
	});

	test('429 beyond Rate Limit Max Wait fails clearly, and nothing was sent', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber')
			.reply(
				429,
				{ name: 'Too Many Requests', message: 'Rate limit exceeded', code: 0, status: 429 },
				{ 'Retry-After': '5' },
			);
		const { error } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({ options: { rateLimitMaxWait: 0 } }),
		});
		expect(scope.isDone()).toBe(true);
		expect(error?.message).toBe(
			"DecisionTelecom's rate limit held this item back for 0.0 s (Rate Limit Max Wait); the message was not sent [item 0]",
		);
		expect(error?.description).toContain('Nothing was sent for this item');
	});
});

describe('Continue On Fail', () => {
	test('failed items become error items with pairedItem; the others are sent', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber', (body) => body.destination_addr === '380501111111')
			.reply(200, { message_id: 1 })
			.post('/v1/api/send-viber', (body) => body.destination_addr === '380503333333')
			.reply(200, {
				name: 'Topup balance is required',
				message: 'User balance is empty',
				code: 3,
				status: 402,
			})
			.post('/v1/api/send-viber', (body) => body.destination_addr === '380504444444')
			.reply(500, 'oops');
		const { output, error } = await runDecisionTelecom({
			items: [
				{ phone: '380501111111' },
				{ phone: 'n/a' },
				{ phone: '380503333333' },
				{ phone: '380504444444' },
			],
			parameters: sendParameters({ recipient: '={{ $json.phone }}' }),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(output).toEqual([
			{ json: expect.objectContaining({ messageId: '1' }), pairedItem: { item: 0 } },
			{
				json: {
					error: "Recipient: 'n/a' is not a phone number [item 1]",
					description: expect.any(String),
					outcome: 'notSent',
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					error: 'Your DecisionTelecom balance is empty; the message was not sent [item 2]',
					description: 'Top up your DecisionTelecom balance, then run the workflow again.',
					outcome: 'notSent',
				},
				pairedItem: { item: 2 },
			},
			{
				json: {
					error: 'Outcome unknown: DecisionTelecom answered HTTP 500 [item 3]',
					description: expect.stringContaining('was not sent again'),
					outcome: 'unknown',
				},
				pairedItem: { item: 3 },
			},
		]);
	});

	test('without Continue On Fail, the run stops at the first failure and says what was already sent', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber')
			.reply(200, { message_id: 1 })
			.post('/v1/api/send-viber')
			.reply(200, {
				name: 'Topup balance is required',
				message: 'User balance is empty',
				code: 3,
				status: 402,
			})
			.post('/v1/api/send-viber')
			.reply(200, { message_id: 3 });
		const { error } = await runDecisionTelecom({
			items: [{}, {}, {}],
			parameters: sendParameters({ options: { maxConcurrentRequests: 1 } }),
		});
		expect(error?.message).toBe(
			'Your DecisionTelecom balance is empty; the message was not sent [item 1]',
		);
		expect(error?.description).toBe(
			"Top up your DecisionTelecom balance, then run the workflow again. 1 other item(s) of this run were sent before the node stopped; turn on 'Settings > On Error > Continue' to get a result for every item.",
		);
		expect(scope.pendingMocks()).toHaveLength(1);
	});

	test('when several items fail, the error is that of the first item, whatever order they fail in', async () => {
		mockApi()
			.post('/v1/api/send-viber', (body) => body.destination_addr === '380501111111')
			.delay(300)
			.reply(502, 'Bad Gateway')
			.post('/v1/api/send-viber', (body) => body.destination_addr === '380502222222')
			.reply(400, { name: 'Invalid Parameter: text', code: 1, status: 400 });
		const { error } = await runDecisionTelecom({
			items: [{ to: '380501111111' }, { to: '380502222222' }],
			parameters: sendParameters({
				recipient: '={{ $json.to }}',
				options: { maxConcurrentRequests: 2 },
			}),
		});
		expect(error?.message).toBe('Outcome unknown: DecisionTelecom answered HTTP 502 [item 0]');
	});

	test('Get Status errors become error items too', async () => {
		mockApi()
			.post('/v1/api/receive-viber', { message_id: 5 })
			.reply(200, {
				name: 'Invalid Parameter: message_id',
				message: 'Empty parameter or parameter validation error',
				code: 1,
				status: 400,
			})
			.post('/v1/api/receive-viber', { message_id: 6 })
			.reply(200, { message_id: 6, status: 1 });
		const { output } = await runDecisionTelecom({
			items: [{ id: 5 }, { id: 6 }],
			parameters: {
				resource: 'viberMessage',
				operation: 'getStatus',
				messageId: '={{ $json.id }}',
			},
			continueOnFail: true,
		});
		expect(output?.[0]).toEqual({
			json: {
				error: "DecisionTelecom rejected the parameter 'Message ID' (message_id) [item 0]",
				description: expect.any(String),
			},
			pairedItem: { item: 0 },
		});
		expect(output?.[1].json.delivered).toBe(true);
	});
});
