import { CredentialTestContext } from 'n8n-core';
import type { ICredentialsDecrypted, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { DecisionTelecomApi } from '../../credentials/DecisionTelecomApi.credentials';
import { testDecisionTelecomCredential } from '../../nodes/DecisionTelecom/methods/credentialTest';
import { MOCK_BASE_URL, TEST_ACCESS, mockApi } from '../helpers/workflowHarness';

// n8n's own credential-test context, as the credential modal's Test button uses it.
const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);

function credential(data: Record<string, string>): ICredentialsDecrypted {
	return { id: 'c1', name: 'DecisionTelecom', type: 'decisionTelecomApi', data };
}

async function test_(
	data: Record<string, string> = { apiKey: TEST_ACCESS, baseUrl: MOCK_BASE_URL },
) {
	return await testDecisionTelecomCredential.call(context, credential(data));
}

describe('the credential Test button', () => {
	test('asks for the status of message 0 with the Basic header, and accepts a status', async () => {
		const scope = mockApi()
			.post('/v1/api/receive-viber', { message_id: 0 })
			.reply(200, { message_id: 0, status: 20 });
		await expect(test_()).resolves.toEqual({
			status: 'OK',
			message: 'The access key was accepted.',
		});
		expect(scope.isDone()).toBe(true);
	});

	test.each([200, 400])(
		'a validation error with HTTP %i means the key was accepted',
		async (status) => {
			mockApi().post('/v1/api/receive-viber').reply(status, {
				name: 'Invalid Parameter: message_id',
				message: 'Empty parameter or parameter validation error',
				code: 1,
				status: 400,
			});
			await expect(test_()).resolves.toMatchObject({ status: 'OK' });
		},
	);

	test.each([
		[401, 'Some response content'],
		[401, { status: 401, message: 'Unauthorized Error' }],
		[
			200,
			{
				name: 'Unauthorized',
				message: 'Your request was made with invalid credentials.',
				code: 0,
				status: 401,
			},
		],
		[403, ''],
	])('HTTP %i %j: the key was rejected', async (status, body) => {
		mockApi().post('/v1/api/receive-viber').reply(status, body);
		const result = await test_();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^The access key was rejected by DecisionTelecom\./);
		expect(result.message).not.toContain(TEST_ACCESS);
	});

	test('a server error says the key could not be checked', async () => {
		mockApi().post('/v1/api/receive-viber').reply(503, 'down');
		await expect(test_()).resolves.toEqual({
			status: 'Error',
			message: 'DecisionTelecom answered HTTP 503; the key could not be checked. Try again later.',
		});
	});

	test('a wrong Base URL says so', async () => {
		mockApi().post('/wrong/receive-viber').reply(404, 'Not Found');
		const result = await test_({ apiKey: TEST_ACCESS, baseUrl: 'http://127.0.0.1:18080/wrong/' });
		expect(result).toEqual({
			status: 'Error',
			message:
				'Nothing answers at http://127.0.0.1:18080/wrong/receive-viber (HTTP 404). Check the Base URL.',
		});
	});

	test('an unreachable server says so without leaking the key', async () => {
		const result = await test_({ apiKey: TEST_ACCESS, baseUrl: 'http://127.0.0.1:9/v1/api' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Could not reach DecisionTelecom at http:\/\/127\.0\.0\.1:9\/v1\/api/,
		);
		expect(result.message).not.toContain(TEST_ACCESS);
	});

	test('an empty key is refused without a request', async () => {
		await expect(test_({ apiKey: '', baseUrl: MOCK_BASE_URL })).resolves.toEqual({
			status: 'Error',
			message: 'Enter the access key.',
		});
	});
});

describe('the credential definition', () => {
	const definition = new DecisionTelecomApi();

	test('declares its fields, secrets as password fields', () => {
		expect(definition.properties.map((p) => [p.name, p.typeOptions?.password === true])).toEqual([
			['apiKey', true],
			['baseUrl', false],
			['callbackSecret', true],
			['previousCallbackSecret', true],
			['defaultCallbackUrl', false],
		]);
		expect(definition.properties.find((p) => p.name === 'baseUrl')?.default).toBe(
			'https://web.it-decision.com/v1/api',
		);
	});

	test.each([
		['apiKey', 'Basic YXBpS2V5'],
		['api_key', 'Basic YXBpX2tleQ=='],
		['ключ', `Basic ${Buffer.from('ключ', 'utf8').toString('base64')}`],
	])(
		'authenticates %j as %s (base64 of the key alone), keeping other headers',
		async (apiKey, header) => {
			const options = await definition.authenticate(
				{ apiKey },
				{ url: 'https://x', headers: { Accept: 'application/json' } },
			);
			expect(options).toEqual({
				url: 'https://x',
				headers: { Accept: 'application/json', Authorization: header },
			});
		},
	);
});
