import { mock } from 'jest-mock-extended';
import { returnJsonArray } from 'n8n-core';
import type { IDataObject, INode, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { DecisionTelecom } from '../../nodes/DecisionTelecom/DecisionTelecom.node';
import { waitToken } from '../../nodes/DecisionTelecom/actions/viberMessage/waiting/callbackUrl';
import { waitRecordKey } from '../../nodes/DecisionTelecom/actions/viberMessage/waiting/waitRecord';
import { fakeSecret } from '../helpers/fakeSecret';

const node = new DecisionTelecom();
const KEY = fakeSecret('access-key');
const SECRET = fakeSecret('callback');
const PREVIOUS = fakeSecret('previous');
const NODE_ID = '3f1e2d4c-0000-4000-8000-00000000abcd';
const EXECUTION_ID = '417';
const TOKEN = waitToken(KEY, EXECUTION_ID, NODE_ID);
const MESSAGE_ID = '9007199254740993';
const RECIPIENT = '380504444444';

interface CallbackOptions {
	operation: 'sendAndWaitForDelivery' | 'sendAndWaitForReply';
	body: string;
	query?: IDataObject;
	secret?: string;
	previousSecret?: string;
	record?: string | null;
	failCredentials?: boolean;
}

async function callback(options: CallbackOptions) {
	const res = { status: jest.fn(), send: jest.fn(), end: jest.fn() };
	res.status.mockReturnValue(res);
	res.send.mockReturnValue(res);
	const logger = { warn: jest.fn(), info: jest.fn(), error: jest.fn(), debug: jest.fn() };
	const record = options.record === undefined ? `${MESSAGE_ID}:${RECIPIENT}` : options.record;
	const customData = {
		get: jest.fn((key: string) =>
			key === waitRecordKey(NODE_ID) ? (record ?? undefined) : undefined,
		),
		set: jest.fn(),
		getAll: jest.fn(() => ({})),
	};
	const ctx = mock<IWebhookFunctions>({
		helpers: { returnJsonArray },
		logger: logger as never,
		customData: customData as never,
	});
	ctx.getNode.mockReturnValue({
		id: NODE_ID,
		name: 'Wait',
		type: 'n8n-nodes-decisiontelecom.decisionTelecom',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	} as INode);
	ctx.getExecutionId.mockReturnValue(EXECUTION_ID);
	const getCredentials = options.failCredentials
		? jest.fn().mockRejectedValue(new Error('credential could not be decrypted'))
		: jest.fn().mockResolvedValue({
				apiKey: KEY,
				baseUrl: '',
				callbackSecret: options.secret ?? '',
				previousCallbackSecret: options.previousSecret ?? '',
			});
	(ctx.getCredentials as unknown as jest.Mock).mockImplementation(getCredentials);
	ctx.getQueryData.mockReturnValue(options.query ?? { waitToken: TOKEN });
	ctx.getBodyData.mockReturnValue({});
	ctx.getRequestObject.mockReturnValue({ rawBody: Buffer.from(options.body) } as never);
	ctx.getResponseObject.mockReturnValue(res as never);
	const params: Record<string, unknown> = {
		resource: 'viberMessage',
		operation: options.operation,
	};
	(ctx.getNodeParameter as unknown as jest.Mock).mockImplementation((name: string) => params[name]);
	const result: IWebhookResponseData = await node.webhook.call(ctx);
	return { result, status: res.status.mock.calls[0]?.[0] as number, logger };
}

/** A status callback of the waiting message, its id written as a JSON number above 2^53. */
const status = (fields: Record<string, unknown>) =>
	`{"message_id":${MESSAGE_ID}${Object.entries(fields)
		.map(([key, value]) => `,"${key}":${JSON.stringify(value)}`)
		.join('')}}`;
const reply = (fields: Record<string, unknown>) =>
	JSON.stringify({
		message_token: 44444444444444,
		phone_number: RECIPIENT,
		time: 2121212121,
		message: { text: 'YES', tracking_data: `tracking_id:${MESSAGE_ID}` },
		...fields,
	});

function resumedWith(outcome: Awaited<ReturnType<typeof callback>>) {
	expect(outcome.status).toBe(200);
	expect(outcome.result.workflowData).toHaveLength(1);
	return outcome.result.workflowData![0].map((item) => item.json);
}

function keptWaiting(outcome: Awaited<ReturnType<typeof callback>>, code = 200) {
	expect(outcome.status).toBe(code);
	expect(outcome.result).toEqual({ noWebhookResponse: true });
}

describe('Send and Wait for Delivery: callbacks to the resume URL', () => {
	const delivery = (body: string, extra: Partial<CallbackOptions> = {}) =>
		callback({ operation: 'sendAndWaitForDelivery', body, ...extra });

	test('a final "delivered" of this message resumes with the Get Status fields and outcome delivered', async () => {
		const [item] = resumedWith(await delivery(status({ status: 1 })));
		expect(item).toEqual({
			outcome: 'delivered',
			messageId: MESSAGE_ID,
			recipient: RECIPIENT,
			viberStatus: 1,
			viberStatusName: 'delivered',
			smsMessageId: null,
			smsStatus: null,
			smsStatusName: null,
			final: true,
			delivered: true,
			deliveredVia: 'viber',
		});
	});

	test('delivered by the SMS fallback after Viber failed', async () => {
		const [item] = resumedWith(
			await delivery(status({ status: 4, sms_message_id: 36478, sms_message_status: 2 })),
		);
		expect(item).toMatchObject({
			outcome: 'delivered',
			deliveredVia: 'sms',
			smsStatusName: 'delivered',
			final: true,
		});
	});

	test('a final failure resumes with outcome undelivered', async () => {
		const [item] = resumedWith(await delivery(status({ status: 3 })));
		expect(item).toMatchObject({
			outcome: 'undelivered',
			viberStatusName: 'rejected',
			delivered: false,
			final: true,
		});
	});

	test.each([
		['sent', { status: 0 }],
		['pending', { status: 5 }],
		[
			'Viber failed while the SMS is still on its way',
			{ status: 4, sms_message_id: 1, sms_message_status: 6 },
		],
	])(
		'a status that may still change (%s) is answered 200 and keeps the execution waiting',
		async (_name, fields) => {
			keptWaiting(await delivery(status(fields)));
		},
	);

	test('a status of another message (a stale one from an earlier loop) keeps waiting', async () => {
		keptWaiting(await delivery('{"message_id":430,"status":1}'));
	});

	test("a customer's reply does not end a wait for delivery", async () => {
		keptWaiting(await delivery(reply({})));
	});

	test('an array of callbacks resumes on the entry for this message', async () => {
		const body = `[{"message_id":1,"status":1},${status({ status: 1 })}]`;
		expect(resumedWith(await delivery(body))[0]).toMatchObject({
			messageId: MESSAGE_ID,
			outcome: 'delivered',
		});
	});
});

describe('Send and Wait for Reply: callbacks to the resume URL', () => {
	const waitReply = (body: string, extra: Partial<CallbackOptions> = {}) =>
		callback({ operation: 'sendAndWaitForReply', body, ...extra });

	test("this message's reply resumes with the reply", async () => {
		const [item] = resumedWith(await waitReply(reply({})));
		expect(item).toEqual({
			outcome: 'replied',
			messageId: MESSAGE_ID,
			recipient: RECIPIENT,
			phoneNumber: RECIPIENT,
			text: 'YES',
			messageToken: '44444444444444',
			time: new Date(2121212121 * 1000).toISOString(),
			timeRaw: 2121212121,
			inReplyToMessageId: MESSAGE_ID,
			trackingData: `tracking_id:${MESSAGE_ID}`,
		});
	});

	test('a reply without tracking data counts when it comes from the recipient', async () => {
		const body = JSON.stringify({
			message_token: 5,
			phone_number: `+${RECIPIENT}`,
			time: 1,
			message: { text: 'ok' },
		});
		expect(resumedWith(await waitReply(body))[0]).toMatchObject({
			outcome: 'replied',
			text: 'ok',
			inReplyToMessageId: null,
		});
	});

	test.each([
		[
			'a reply to another message',
			reply({ message: { text: 'YES', tracking_data: 'tracking_id:430' } }),
		],
		[
			'a reply without tracking data from another phone',
			JSON.stringify({ message_token: 5, phone_number: '380509999999', message: { text: 'x' } }),
		],
		['a delivery status of this message', status({ status: 1 })],
	])('%s keeps the execution waiting', async (_name, body) => {
		keptWaiting(await waitReply(body));
	});
});

describe('Send and Wait: who may call the resume URL', () => {
	const body = status({ status: 1 });

	test.each([
		['no token', {}],
		['a wrong token', { waitToken: waitToken(KEY, '418', NODE_ID) }],
		['a repeated token', { waitToken: [TOKEN, TOKEN] }],
	])('%s: 401, nothing resumes', async (_name, query) => {
		keptWaiting(await callback({ operation: 'sendAndWaitForDelivery', body, query }), 401);
	});

	test('with a Callback Secret, the token alone is not enough', async () => {
		keptWaiting(await callback({ operation: 'sendAndWaitForDelivery', body, secret: SECRET }), 401);
		keptWaiting(
			await callback({
				operation: 'sendAndWaitForDelivery',
				body,
				secret: SECRET,
				query: { waitToken: TOKEN, secret: 'nope' },
			}),
			401,
		);
		resumedWith(
			await callback({
				operation: 'sendAndWaitForDelivery',
				body,
				secret: SECRET,
				query: { waitToken: TOKEN, secret: SECRET },
			}),
		);
	});

	test('the previous secret still resumes during a rotation', async () => {
		resumedWith(
			await callback({
				operation: 'sendAndWaitForDelivery',
				body,
				secret: SECRET,
				previousSecret: PREVIOUS,
				query: { waitToken: TOKEN, secret: PREVIOUS },
			}),
		);
	});

	test.each([
		['not JSON', '{"message_id":', 400],
		['not a callback', '{"hello":"world"}', 400],
		['too large', `"${'x'.repeat(1_100_000)}"`, 413],
	])('a body that is %s is refused and the execution keeps waiting', async (_name, text, code) => {
		keptWaiting(await callback({ operation: 'sendAndWaitForDelivery', body: text }), code);
	});

	test('without the note of the message it waits for, it answers 409 and keeps waiting', async () => {
		keptWaiting(await callback({ operation: 'sendAndWaitForDelivery', body, record: null }), 409);
	});

	test('an unexpected failure is answered 500 and never thrown, so the execution keeps waiting', async () => {
		const outcome = await callback({
			operation: 'sendAndWaitForDelivery',
			body,
			failCredentials: true,
		});
		keptWaiting(outcome, 500);
		expect(outcome.logger.error).toHaveBeenCalledWith(expect.stringContaining('keeps waiting'));
	});
});
