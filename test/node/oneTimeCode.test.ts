import {
	TEST_ACCESS,
	countApiRequests,
	mockApi,
	runDecisionTelecom,
} from '../helpers/workflowHarness';

const requests = countApiRequests();

const sendCode = (overrides: Record<string, unknown> = {}) => ({
	resource: 'oneTimeCode',
	operation: 'sendCode',
	phoneNumber: '={{ $json.phone }}',
	...overrides,
});

const checkCode = (overrides: Record<string, unknown> = {}) => ({
	resource: 'oneTimeCode',
	operation: 'checkCode',
	verificationId: '={{ $json.verificationId }}',
	code: '={{ $json.code }}',
	...overrides,
});

const acceptedCode = (id: number | string, phone = 380776557788) =>
	`{"id":${id},"phone":${phone},"href":"https://web.it-decision.com/api/get-pin?id=${id}","status":"ACCEPTD"}`;

const INVALID_ID = {
	name: 'Invalid Parameter: id',
	message: 'Empty parameter or parameter validation error',
	code: 1,
	status: 400,
};

describe('One-Time Code: Send Code', () => {
	test('sends the documented body with the defaults and outputs the verification id', async () => {
		const scope = mockApi()
			.post('/v1/api/two-factor-auth', {
				phone: 380776557788,
				pin_length: 4,
				template_id: 0,
				country_iso: 'en',
			})
			.reply(200, acceptedCode(34234234));
		const { output, error } = await runDecisionTelecom({
			items: [{ phone: '+380 77 655 77 88' }],
			parameters: sendCode(),
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(output).toEqual([
			{
				json: {
					verificationId: '34234234',
					phoneNumber: '380776557788',
					codeLength: 4,
					status: 'ACCEPTD',
					statusName: 'accepted',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Code Length, Template ID and Language go into pin_length, template_id and country_iso; ids keep every digit', async () => {
		const scope = mockApi()
			.post('/v1/api/two-factor-auth', {
				phone: 380776557788,
				pin_length: 6,
				template_id: 3,
				country_iso: 'uk',
			})
			.reply(200, acceptedCode('9007199254740993'));
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380776557788' }],
			parameters: sendCode({ codeLength: 6, templateId: 3, language: 'UK' }),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json).toMatchObject({ verificationId: '9007199254740993', codeLength: 6 });
	});

	test.each([
		[{ phone: 'call me' }, {}, "Phone Number: 'call me' is not a phone number [item 1]"],
		[
			{ phone: '380776557788' },
			{ codeLength: 11 },
			'Code Length: 11 is not a whole number from 4 to 10 [item 0]',
		],
		[
			{ phone: '380776557788' },
			{ templateId: -1 },
			'Template ID: -1 is not a whole number of 0 or more [item 0]',
		],
		[
			{ phone: '380776557788' },
			{ language: 'eng' },
			"Language: 'eng' is not a two-letter language code [item 0]",
		],
	])('%j %j is refused before any code is sent', async (second, parameters, message) => {
		mockApi().post('/v1/api/two-factor-auth').reply(200, acceptedCode(1));
		const { error } = await runDecisionTelecom({
			items: [{ phone: '380776557788' }, second],
			parameters: sendCode(parameters),
		});
		expect(error?.message).toBe(message);
		expect(requests()).toBe(0);
	});

	test('a 5xx is not repeated: the code may have been sent', async () => {
		mockApi().post('/v1/api/two-factor-auth').times(2).reply(500, 'Some general error');
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380776557788' }],
			parameters: sendCode(),
			continueOnFail: true,
		});
		expect(requests()).toBe(1);
		expect(output?.[0].json).toEqual({
			error: 'Outcome unknown: DecisionTelecom answered HTTP 500 [item 0]',
			description:
				'The code may have been sent (and charged), so it was not sent again. Check your DecisionTelecom account before sending the customer a new code.',
			outcome: 'unknown',
		});
	});

	test('an empty balance: no code was sent, said in the words of codes', async () => {
		mockApi().post('/v1/api/two-factor-auth').reply(402, {
			name: 'Topup balance is required',
			message: 'User balance is empty',
			code: 3,
			status: 402,
		});
		const { error } = await runDecisionTelecom({
			items: [{ phone: '380776557788' }],
			parameters: sendCode(),
		});
		expect(error?.message).toBe('Your DecisionTelecom balance is empty; no code was sent [item 0]');
	});

	test('a refused parameter is named as in the form', async () => {
		mockApi().post('/v1/api/two-factor-auth').reply(400, {
			name: 'Invalid Parameter: pin_length',
			message: 'Empty parameter or parameter validation error',
			code: 1,
			status: 400,
		});
		const { error } = await runDecisionTelecom({
			items: [{ phone: '380776557788' }],
			parameters: sendCode(),
		});
		expect(error?.message).toBe(
			"DecisionTelecom rejected the parameter 'Code Length' (pin_length) [item 0]",
		);
	});

	test('Retry On Fail without Send Once Per Key is refused before anything is sent', async () => {
		const { error } = await runDecisionTelecom({
			items: [{ phone: '380776557788' }],
			parameters: sendCode(),
			node: { retryOnFail: true },
		});
		expect(error?.message).toBe('Retry On Fail would send messages twice');
		expect(requests()).toBe(0);
	});
});

describe('One-Time Code: Check Code', () => {
	const pinAnswer = (pin: string) => `{"id":34234234,"phone":380776557788,"pin":${pin}}`;

	async function check(typed: unknown, answer: string | [number, object]) {
		const scope = mockApi().get('/v1/api/get-pin').query({ id: '34234234' });
		if (typeof answer === 'string') scope.reply(200, answer);
		else scope.reply(answer[0], answer[1]);
		const result = await runDecisionTelecom({
			items: [{ verificationId: '34234234', code: typed }],
			parameters: checkCode(),
		});
		expect(requests()).toBe(1);
		return result;
	}

	test.each([
		['4323', '4323'],
		['43 23', '4323'],
		['0123', '123'],
		['0000001234', '1234'],
	])('typed %j against pin %s: valid; the code is not in the output', async (typed, pin) => {
		const { output, error } = await check(typed, pinAnswer(pin));
		expect(error).toBeUndefined();
		expect(output).toEqual([
			{
				json: {
					verificationId: '34234234',
					valid: true,
					result: 'valid',
					phoneNumber: '380776557788',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test.each([['4324'], ['123'], ['abcd'], [''], ['43230']])(
		'typed %j against pin 4323: wrongCode, without the code',
		async (typed) => {
			const { output } = await check(typed, pinAnswer('4323'));
			expect(output?.[0].json).toEqual({
				verificationId: '34234234',
				valid: false,
				result: 'wrongCode',
				phoneNumber: '380776557788',
			});
			expect(JSON.stringify(output)).not.toContain('4323');
		},
	);

	test.each([
		['DecisionTelecom refuses the id (HTTP 400)', [400, INVALID_ID] as [number, object]],
		[
			'DecisionTelecom refuses the id (HTTP 200)',
			[200, { ...INVALID_ID, status: 400 }] as [number, object],
		],
		['an answer without a pin', '{"id":34234234,"phone":380776557788,"pin":null}'],
		['an answer with only the id', '{"id":34234234}'],
	])('%s: expiredOrUnknownId, not an error', async (_case, answer) => {
		const { output, error } = await check('4323', answer);
		expect(error).toBeUndefined();
		expect(output?.[0].json).toMatchObject({
			verificationId: '34234234',
			valid: false,
			result: 'expiredOrUnknownId',
		});
	});

	test('a rejected key is an error, not a wrong code', async () => {
		mockApi().get('/v1/api/get-pin').query(true).reply(401, {
			name: 'Unauthorized',
			message: 'Your request was made with invalid credentials.',
			code: 0,
			status: 401,
		});
		const { error } = await runDecisionTelecom({
			items: [{ verificationId: '1', code: '1234' }],
			parameters: checkCode(),
		});
		expect(error?.message).toBe('The access key was rejected by DecisionTelecom [item 0]');
		expect(JSON.stringify(error)).not.toContain(TEST_ACCESS);
	});

	test('an unreadable answer is read again, then fails without the code in the error', async () => {
		mockApi().get('/v1/api/get-pin').query(true).times(3).reply(500, '{"pin":4323}');
		const { error } = await runDecisionTelecom({
			items: [{ verificationId: '1', code: '4323' }],
			parameters: checkCode(),
		});
		expect(requests()).toBe(3);
		expect(error?.message).toBe(
			'Could not read the code: DecisionTelecom answered HTTP 500 [item 0]',
		);
		expect(
			JSON.stringify({ message: error?.message, description: error?.description }),
		).not.toContain('4323');
	});

	test('every item is checked: one read each, results in input order', async () => {
		mockApi()
			.get('/v1/api/get-pin')
			.query({ id: '1' })
			.reply(200, '{"id":1,"phone":380776557788,"pin":1111}')
			.get('/v1/api/get-pin')
			.query({ id: '2' })
			.reply(200, '{"id":2,"phone":380776557789,"pin":2222}');
		const { output } = await runDecisionTelecom({
			items: [
				{ verificationId: '1', code: '1111' },
				{ verificationId: '2', code: '1111' },
			],
			parameters: checkCode(),
		});
		expect(output?.map((item) => [item.json.result, item.pairedItem])).toEqual([
			['valid', { item: 0 }],
			['wrongCode', { item: 1 }],
		]);
	});

	test.each([
		[{ verificationId: '' }, 'Verification ID: is empty [item 1]'],
		[{ verificationId: 'abc' }, "Verification ID: 'abc' is not a verification ID [item 1]"],
	])('%j is refused before any read', async (second, message) => {
		const { error } = await runDecisionTelecom({
			items: [
				{ verificationId: '1', code: '1234' },
				{ code: '1234', ...second },
			],
			parameters: checkCode(),
		});
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('verificationId that Send Code returned');
		expect(requests()).toBe(0);
	});
});
