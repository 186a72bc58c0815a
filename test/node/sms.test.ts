import {
	TEST_ACCESS,
	countApiRequests,
	mockApi,
	runDecisionTelecom,
} from '../helpers/workflowHarness';

const requests = countApiRequests();

function smsParameters(overrides: Record<string, unknown> = {}) {
	return {
		resource: 'sms',
		operation: 'send',
		sender: 'InfoItd',
		recipient: '+380 63 213 21 21',
		text: 'Your order is ready',
		...overrides,
	};
}

const accepted = (id: number | string, extra: Record<string, unknown> = {}) => ({
	message_data: [
		{
			message_id: id,
			phone: 380632132121,
			part_count: 1,
			concat_part: 1,
			status: 'ACCEPTD',
			...extra,
		},
	],
});

describe('SMS Send', () => {
	test('sends the documented body (phone as a JSON number, validity in minutes) and outputs the message', async () => {
		const scope = mockApi()
			.post('/v1/api/send-sms', {
				phone: 380632132121,
				sender: 'InfoItd',
				text: 'Your order is ready',
				validity_period: 1440,
			})
			.matchHeader('content-type', /application\/json/)
			.reply(200, accepted(8123));
		const { output, error } = await runDecisionTelecom({
			items: [{}],
			parameters: smsParameters(),
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(output).toEqual([
			{
				json: {
					messageId: '8123',
					messageIds: ['8123'],
					recipient: '380632132121',
					sender: 'InfoItd',
					status: 'ACCEPTD',
					statusName: 'accepted',
					final: false,
					delivered: false,
					partCount: 1,
					expectedPartCount: 1,
					encoding: 'GSM-7',
					validityPeriod: 1440,
					parts: [
						{
							messageId: '8123',
							partCount: 1,
							concatPart: 1,
							status: 'ACCEPTD',
							statusName: 'accepted',
							final: false,
							delivered: false,
						},
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('the validity period is sent as set', async () => {
		const scope = mockApi()
			.post('/v1/api/send-sms', (body) => body.validity_period === 120)
			.reply(200, accepted(1));
		await runDecisionTelecom({ items: [{}], parameters: smsParameters({ validityPeriod: 120 }) });
		expect(scope.isDone()).toBe(true);
	});

	test('a long text: every message_data entry is output with exact ids, and the part counts', async () => {
		const text = 'a'.repeat(200);
		mockApi()
			.post('/v1/api/send-sms', (body) => body.text === text)
			.reply(
				200,
				'{"message_data":[{"message_id":9007199254740993,"phone":380632132121,"part_count":2,"concat_part":1,"status":"ACCEPTD"},' +
					'{"message_id":9007199254740994,"phone":380632132121,"part_count":2,"concat_part":2,"status":"ENROUTE"}]}',
			);
		const { output } = await runDecisionTelecom({
			items: [{}],
			parameters: smsParameters({ text }),
		});
		expect(output?.[0].json).toMatchObject({
			messageId: '9007199254740993',
			messageIds: ['9007199254740993', '9007199254740994'],
			status: null,
			statusName: 'mixed',
			final: false,
			partCount: 2,
			expectedPartCount: 2,
			parts: [
				{ messageId: '9007199254740993', partCount: 2, concatPart: 1, statusName: 'accepted' },
				{ messageId: '9007199254740994', partCount: 2, concatPart: 2, statusName: 'enroute' },
			],
		});
	});

	test('a Cyrillic text is UCS-2 and its expected part count follows 70 / 67', async () => {
		const text = 'Привіт'.repeat(12); // 72 UCS-2 units
		mockApi()
			.post('/v1/api/send-sms')
			.reply(200, accepted(5, { part_count: 2 }));
		const { output } = await runDecisionTelecom({
			items: [{}],
			parameters: smsParameters({ text }),
		});
		expect(output?.[0].json).toMatchObject({
			encoding: 'UCS-2',
			expectedPartCount: 2,
			partCount: 2,
		});
	});

	test('an answer without part_count gives partCount null; a send answer status REJECTD is final, not delivered', async () => {
		mockApi()
			.post('/v1/api/send-sms')
			.reply(200, { message_data: [{ message_id: '77', status: 'rejectd' }] });
		const { output } = await runDecisionTelecom({ items: [{}], parameters: smsParameters() });
		expect(output?.[0].json).toMatchObject({
			messageId: '77',
			status: 'rejectd',
			statusName: 'rejected',
			final: true,
			delivered: false,
			partCount: null,
		});
	});

	test.each([
		[{ sender: '={{ "" }}' }, 'Sender: is empty [item 0]'],
		[{ sender: 'TwelveLetter' }, 'Sender: is 12 characters long; the limit is 11 [item 0]'],
		[{ recipient: 'n/a' }, "Recipient: 'n/a' is not a phone number [item 0]"],
		[{ recipient: '0632132121' }, "Recipient: '0632132121' has no country code [item 0]"],
		[{ text: '  ' }, 'Text: is empty [item 0]'],
		[
			{ text: 'a'.repeat(1531) },
			'Text: is 1531 characters long as an SMS, 1 more than the 1530 that fit into 10 SMS parts (the most this node sends) [item 0]',
		],
		[
			{ text: 'й'.repeat(671) },
			"Text: is 671 characters long as an SMS, 1 more than the 670 that fit into 10 SMS parts (the most this node sends) because of 'й' (a text with Cyrillic letters, emoji or other characters beyond basic Latin fits only 70 characters into one SMS) [item 0]",
		],
		[
			{ validityPeriod: 0 },
			'Validity Period (Minutes): 0 is not a whole number of minutes from 1 to 4320 [item 0]',
		],
		[
			{ validityPeriod: 4321 },
			'Validity Period (Minutes): 4321 is not a whole number of minutes from 1 to 4320 [item 0]',
		],
		[
			{ validityPeriod: '={{ 1.5 }}' },
			'Validity Period (Minutes): 1.5 is not a whole number of minutes from 1 to 4320 [item 0]',
		],
	])('refused before anything is sent (%#)', async (parameters, message) => {
		mockApi().post('/v1/api/send-sms').reply(200, accepted(1));
		const { error, output } = await runDecisionTelecom({
			items: [{}],
			parameters: smsParameters(parameters),
		});
		expect(output).toBeUndefined();
		expect(error?.message).toBe(message);
		expect(error?.description).toBeTruthy();
		expect(requests()).toBe(0);
	});

	test('[good, bad]: the bad item stops the run before the first SMS is sent', async () => {
		mockApi().post('/v1/api/send-sms').times(2).reply(200, accepted(1));
		const { error } = await runDecisionTelecom({
			items: [{ to: '380632132121' }, { to: 'x' }],
			parameters: smsParameters({ recipient: '={{ $json.to }}' }),
		});
		expect(error?.message).toBe("Recipient: 'x' is not a phone number [item 1]");
		expect(requests()).toBe(0);
	});

	test('Retry On Fail without Send Once Per Key is refused, as for Viber', async () => {
		mockApi().post('/v1/api/send-sms').reply(200, accepted(1));
		const { error } = await runDecisionTelecom({
			items: [{}],
			parameters: smsParameters(),
			node: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		expect(error?.message).toBe('Retry On Fail would send messages twice');
		expect(requests()).toBe(0);
	});

	describe('answers', () => {
		async function failure(status: number, body: string | object) {
			mockApi().post('/v1/api/send-sms').times(2).reply(status, body);
			const result = await runDecisionTelecom({ items: [{}], parameters: smsParameters() });
			expect(requests()).toBe(1);
			return result.error!;
		}

		test.each([
			[500, 'Some general error'],
			[200, { message_data: [] }],
			[200, { message_data: [{ phone: 380632132121, status: 'ACCEPTD' }] }],
			[200, { message_id: 5 }],
			[200, '{message_data: 1}'],
			[200, { name: 'Internal server error', code: 2, status: 500 }],
		])(
			'HTTP %i %j: outcome unknown, not sent again, and no delivery report to wait for',
			async (status, body) => {
				const error = await failure(status, body);
				expect(error.message).toMatch(/^Outcome unknown: .* \[item 0\]$/);
				expect(error.description).toContain(
					'The SMS may have been accepted (and charged), so it was not sent again.',
				);
				expect(error.description).toContain('no delivery report for SMS');
			},
		);

		test.each([200, 400])(
			'HTTP %i with code 1 names the parameter by its label',
			async (status) => {
				const error = await failure(status, {
					name: 'Invalid Parameter: sender',
					message: 'Empty parameter or parameter validation error',
					code: 1,
					status: 400,
				});
				expect(error.message).toBe(
					"DecisionTelecom rejected the parameter 'Sender' (sender) [item 0]",
				);
			},
		);

		test('an empty balance: the SMS was not sent', async () => {
			const error = await failure(402, {
				name: 'Topup balance is required',
				message: 'User balance is empty',
				code: 3,
				status: 402,
			});
			expect(error.message).toBe(
				'Your DecisionTelecom balance is empty; the SMS was not sent [item 0]',
			);
		});

		test('a rejected key, without the key in the error', async () => {
			const error = await failure(401, {
				name: 'Unauthorized',
				message: `bad key ${TEST_ACCESS}`,
				code: 0,
				status: 401,
			});
			expect(error.message).toBe('The access key was rejected by DecisionTelecom [item 0]');
			expect(JSON.stringify(error)).not.toContain(TEST_ACCESS);
		});
	});

	test('Continue On Fail: one result per item, paired, with outcome', async () => {
		mockApi()
			.post('/v1/api/send-sms', (body) => body.phone === 380631111111)
			.reply(200, accepted(1))
			.post('/v1/api/send-sms', (body) => body.phone === 380633333333)
			.reply(502, 'Bad Gateway');
		const { output } = await runDecisionTelecom({
			items: [{ to: '380631111111' }, { to: 'nope' }, { to: '380633333333' }],
			parameters: smsParameters({ recipient: '={{ $json.to }}' }),
			continueOnFail: true,
		});
		expect(
			output?.map((item) => [item.json.messageId ?? item.json.outcome, item.pairedItem]),
		).toEqual([
			['1', { item: 0 }],
			['notSent', { item: 1 }],
			['unknown', { item: 2 }],
		]);
	});
});

describe('SMS Get Status', () => {
	const statusParameters = (overrides: Record<string, unknown> = {}) => ({
		resource: 'sms',
		operation: 'getStatus',
		messageId: '8123',
		...overrides,
	});

	test.each([
		['DELIVRD', 'delivered', true, true],
		['UNDELIV', 'undeliverable', true, false],
		['ACCEPTD', 'accepted', false, false],
		['EXPIRED', 'expired', true, false],
		['REJECTD', 'rejected', true, false],
		['ENROUTE', 'enroute', false, false],
		['DELETED', 'deleted', true, false],
		['UNKNOWN', 'unknown', false, false],
		['delivrd', 'delivered', true, true],
		['Delivered', 'delivered', true, true],
		[2, 'delivered', true, true],
		['SEEN', 'unknown (SEEN)', false, false],
	])('status %j is %s (final %s, delivered %s)', async (status, statusName, final, delivered) => {
		const scope = mockApi()
			.get('/v1/api/status')
			.query({ message_id: '8123' })
			.reply(200, { message_id: 8123, status });
		const { output, error } = await runDecisionTelecom({
			items: [{}],
			parameters: statusParameters(),
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(output).toEqual([
			{
				json: {
					messageId: '8123',
					status,
					statusName,
					final,
					delivered,
					statusDescription: expect.any(String),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('ids above 2^53 go out and come back with every digit; Simplify off adds the raw answer', async () => {
		const scope = mockApi()
			.get('/v1/api/status')
			.query({ message_id: '12345678901234567890' })
			.reply(200, '{"message_id":12345678901234567890,"status":"DELIVRD"}');
		const { output } = await runDecisionTelecom({
			items: [{}],
			parameters: statusParameters({ messageId: '12345678901234567890', simplify: false }),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json).toMatchObject({
			messageId: '12345678901234567890',
			delivered: true,
			raw: { message_id: '12345678901234567890', status: 'DELIVRD' },
		});
	});

	test('an unknown id: DecisionTelecom rejects the Message ID', async () => {
		mockApi().get('/v1/api/status').query(true).reply(400, {
			name: 'Invalid Parameter: message_id',
			message: 'Empty parameter or parameter validation error',
			code: 1,
			status: 400,
		});
		const { error } = await runDecisionTelecom({ items: [{}], parameters: statusParameters() });
		expect(error?.message).toBe(
			"DecisionTelecom rejected the parameter 'Message ID' (message_id) [item 0]",
		);
		expect(requests()).toBe(1);
	});

	test('a 5xx is asked again, then the status comes', async () => {
		const scope = mockApi()
			.get('/v1/api/status')
			.query(true)
			.reply(503, 'x')
			.get('/v1/api/status')
			.query(true)
			.reply(200, { message_id: 8123, status: 'DELIVRD' });
		const { output } = await runDecisionTelecom({ items: [{}], parameters: statusParameters() });
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json.delivered).toBe(true);
	});

	test('an answer with an error body and a status is not taken for a status', async () => {
		mockApi()
			.get('/v1/api/status')
			.query(true)
			.times(3)
			.reply(200, { name: 'Invalid', code: 7, status: 400 });
		const { error } = await runDecisionTelecom({ items: [{}], parameters: statusParameters() });
		expect(error?.message).toMatch(/^Could not get the status of the SMS: /);
	});

	test('a message id that is not digits is refused before asking', async () => {
		const { error } = await runDecisionTelecom({
			items: [{}],
			parameters: statusParameters({ messageId: 'abc' }),
		});
		expect(error?.message).toBe("Message ID: 'abc' is not a message ID [item 0]");
		expect(requests()).toBe(0);
	});
});
