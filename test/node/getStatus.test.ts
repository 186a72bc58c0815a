import { NodeHelpers, type INodeParameters } from 'n8n-workflow';

import { DecisionTelecom } from '../../nodes/DecisionTelecom/DecisionTelecom.node';
import { mockApi, runDecisionTelecom } from '../helpers/workflowHarness';

function getStatus(parameters: Record<string, unknown> = {}) {
	return { resource: 'viberMessage', operation: 'getStatus', messageId: '429', ...parameters };
}

async function statusFor(reply: string | object, parameters: Record<string, unknown> = {}) {
	const scope = mockApi().post('/v1/api/receive-viber', { message_id: 429 }).reply(200, reply);
	const result = await runDecisionTelecom({ items: [{}], parameters: getStatus(parameters) });
	expect(scope.isDone()).toBe(true);
	return result;
}

describe('Get Status', () => {
	test.each([
		[0, 'sent', false],
		[1, 'delivered', true],
		[2, 'error', true],
		[3, 'rejected', true],
		[4, 'undelivered', true],
		[5, 'pending', false],
		[20, 'unknown', false],
		[77, 'unknown (77)', false],
	])('Viber status %i is named %s (final: %s)', async (code, name, final) => {
		const { output, error } = await statusFor({ message_id: 429, status: code });
		expect(error).toBeUndefined();
		expect(output).toEqual([
			{
				json: {
					messageId: '429',
					viberStatus: code,
					viberStatusName: name,
					smsMessageId: null,
					smsStatus: null,
					smsStatusName: null,
					final,
					delivered: code === 1,
					deliveredVia: code === 1 ? 'viber' : 'none',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Viber undelivered, then the SMS fallback delivered', async () => {
		const { output } = await statusFor({
			message_id: 429,
			status: 4,
			sms_message_id: 36478,
			sms_message_status: 2,
		});
		expect(output?.[0].json).toEqual({
			messageId: '429',
			viberStatus: 4,
			viberStatusName: 'undelivered',
			smsMessageId: '36478',
			smsStatus: 2,
			smsStatusName: 'delivered',
			final: true,
			delivered: true,
			deliveredVia: 'sms',
		});
	});

	test.each([
		[1, 'enroute', false],
		[3, 'expired', true],
		[4, 'deleted', true],
		[5, 'undeliverable', true],
		[6, 'accepted', false],
		[7, 'unknown', false],
		[8, 'rejected', true],
		[12, 'unknown (12)', false],
	])('SMS fallback state %i is named %s (final: %s)', async (code, name, final) => {
		const { output } = await statusFor({
			message_id: 429,
			status: 4,
			sms_message_id: '3098',
			sms_message_status: code,
		});
		expect(output?.[0].json).toMatchObject({
			smsMessageId: '3098',
			smsStatus: code,
			smsStatusName: name,
			final,
			delivered: false,
			deliveredVia: 'none',
		});
	});

	test('Simplify off adds the raw response, ids exact', async () => {
		const { output } = await statusFor(
			'{"message_id":429,"status":1,"sms_message_id":12345678901234567890,"sms_message_status":6}',
			{
				simplify: false,
			},
		);
		expect(output?.[0].json).toMatchObject({
			smsMessageId: '12345678901234567890',
			raw: {
				message_id: 429,
				status: 1,
				sms_message_id: '12345678901234567890',
				sms_message_status: 6,
			},
		});
	});

	test('a message id above 2^53 is sent as a JSON number with every digit', async () => {
		const scope = mockApi()
			.post('/v1/api/receive-viber', (body) => body === undefined || true)
			.reply(200, function () {
				const raw = (this.req as unknown as { requestBodyBuffers: Buffer[] }).requestBodyBuffers;
				return Buffer.concat(raw).toString() === '{"message_id":9007199254740993}'
					? '{"message_id":9007199254740993,"status":1}'
					: '{"name":"Invalid Parameter: message_id","message":"wrong","code":1,"status":400}';
			});
		const { output, error } = await runDecisionTelecom({
			items: [{}],
			parameters: getStatus({ messageId: '9007199254740993' }),
		});
		expect(scope.isDone()).toBe(true);
		expect(error).toBeUndefined();
		expect(output?.[0].json).toMatchObject({ messageId: '9007199254740993', delivered: true });
	});

	test('each item asks for its own id and results keep input order', async () => {
		const scope = mockApi()
			.post('/v1/api/receive-viber', { message_id: 1 })
			.delay(60)
			.reply(200, { message_id: 1, status: 1 })
			.post('/v1/api/receive-viber', { message_id: 2 })
			.reply(200, { message_id: 2, status: 5 });
		const { output } = await runDecisionTelecom({
			items: [{ id: '1' }, { id: 2 }],
			parameters: getStatus({ messageId: '={{ $json.id }}' }),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.map((item) => [item.json.viberStatusName, item.pairedItem])).toEqual([
			['delivered', { item: 0 }],
			['pending', { item: 1 }],
		]);
	});

	test("the form's default Message ID reads each item's messageId, as Send outputs it", async () => {
		const { description } = new DecisionTelecom();
		// The parameters as the editor fills them when the operation is picked.
		const parameters = NodeHelpers.getNodeParameters(
			description.properties,
			{ resource: 'viberMessage', operation: 'getStatus' },
			true,
			false,
			null,
			description,
		) as INodeParameters;
		expect(parameters.messageId).toBe('={{ $json.messageId }}');
		const scope = mockApi()
			.post('/v1/api/receive-viber', { message_id: 429 })
			.reply(200, { message_id: 429, status: 1 })
			.post('/v1/api/receive-viber', { message_id: 430 })
			.reply(200, { message_id: 430, status: 5 });
		const { output } = await runDecisionTelecom({
			items: [{ messageId: '429' }, { messageId: '430' }],
			parameters,
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.map((item) => item.json.messageId)).toEqual(['429', '430']);
	});

	test('a 5xx is asked again, since reading a status changes nothing', async () => {
		const scope = mockApi()
			.post('/v1/api/receive-viber')
			.reply(503, 'Service Unavailable')
			.post('/v1/api/receive-viber')
			.reply(200, { message_id: 429, status: 1 });
		const { output, error } = await runDecisionTelecom({ items: [{}], parameters: getStatus() });
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json.delivered).toBe(true);
	});

	test('a persistent 5xx fails after three attempts', async () => {
		const scope = mockApi().post('/v1/api/receive-viber').times(3).reply(500, 'Some general error');
		const { error } = await runDecisionTelecom({ items: [{}], parameters: getStatus() });
		expect(scope.isDone()).toBe(true);
		expect(error?.message).toBe(
			'Could not get the status of the Viber message: DecisionTelecom answered HTTP 500 [item 0]',
		);
	});
});
