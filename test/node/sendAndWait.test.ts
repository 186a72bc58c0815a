import { mock } from 'jest-mock-extended';
import { WAIT_INDEFINITELY, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { waitToken } from '../../nodes/DecisionTelecom/actions/viberMessage/waiting/callbackUrl';
import { sendThenWait } from '../../nodes/DecisionTelecom/actions/viberMessage/waiting/sendAndWait';
import { waitRecordKey } from '../../nodes/DecisionTelecom/actions/viberMessage/waiting/waitRecord';
import { fakeSecret } from '../helpers/fakeSecret';
import {
	TEST_ACCESS,
	countApiRequests,
	credentialData,
	mockApi,
	runDecisionTelecom,
	sendParameters,
} from '../helpers/workflowHarness';

const requests = countApiRequests();
const NODE_ID = '2';

function waitParameters(operation: string, extra: Record<string, unknown> = {}) {
	return sendParameters({
		operation,
		messageKind: operation === 'sendAndWaitForReply' ? 'twoWayText' : 'text',
		...extra,
	});
}

describe('Send and Wait: sending and pausing the execution', () => {
	test('sends with the resume URL of this execution and node as callback URL, notes the message id and waits', async () => {
		let callbackUrl = '';
		mockApi()
			.post('/v1/api/send-viber', (body) => {
				callbackUrl = body.callback_url;
				return true;
			})
			.reply(200, '{"message_id":9007199254740993}');
		const secret = fakeSecret('wait');
		const { run, output, error } = await runDecisionTelecom({
			items: [{}],
			parameters: waitParameters('sendAndWaitForDelivery'),
			credentials: credentialData({
				callbackSecret: secret,
				defaultCallbackUrl: 'https://elsewhere.example/x',
			}),
		});
		expect(error).toBeUndefined();
		const url = new URL(callbackUrl);
		expect(`${url.origin}${url.pathname}`).toBe(
			`http://127.0.0.1:5678/webhook-waiting/exec-1/${NODE_ID}`,
		);
		expect(url.searchParams.get('waitToken')).toBe(waitToken(TEST_ACCESS, 'exec-1', NODE_ID));
		expect(url.searchParams.get('secret')).toBe(secret);
		expect(run.data.waitTill).toEqual(WAIT_INDEFINITELY);
		expect(run.data.resultData.metadata?.[waitRecordKey(NODE_ID)]).toBe(
			'9007199254740993:380504444444',
		);
		expect(output?.[0].json).toMatchObject({
			messageId: '9007199254740993',
			waitingFor: 'delivery',
		});
		expect(JSON.stringify(run.data.resultData.runData)).not.toContain(secret);
	});

	test('with Limit Wait Time the execution waits until then, and a timeout would output the message id', async () => {
		mockApi().post('/v1/api/send-viber').reply(200, { message_id: 77 });
		const before = Date.now();
		const { run } = await runDecisionTelecom({
			items: [{ order: 1 }],
			parameters: waitParameters('sendAndWaitForReply', {
				limitWaitTime: true,
				limitType: 'afterTimeInterval',
				resumeAmount: 2,
				resumeUnit: 'hours',
			}),
		});
		const waitTill = new Date(run.data.waitTill as Date).getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
		const stacked = run.data.executionData?.nodeExecutionStack[0];
		expect(stacked?.node.name).toBe('DecisionTelecom');
		expect(stacked?.data.main[0]).toEqual([
			{
				json: expect.objectContaining({
					outcome: 'timedOut',
					messageId: '77',
					recipient: '380504444444',
					waitedFor: 'reply',
					timeLimit: 'within 2 hours',
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('refuses a run of several items before anything is sent, pointing to the trigger', async () => {
		mockApi().post('/v1/api/send-viber').times(2).reply(200, { message_id: 1 });
		const { error } = await runDecisionTelecom({
			items: [{}, {}],
			parameters: waitParameters('sendAndWaitForDelivery'),
		});
		expect(error?.message).toBe(
			'Send and Wait sends one message per execution; this run has 2 items',
		);
		expect(error?.description).toContain('DecisionTelecom Trigger');
		expect(requests()).toBe(0);
	});

	test('refuses on an n8n that offers nodes no execution custom data (n8n 1.x), before anything is sent', async () => {
		const context = mock<IExecuteFunctions>({
			customData: undefined,
			getNode: () => ({ id: NODE_ID, name: 'DecisionTelecom' }) as INode,
		});
		const refused = sendThenWait(context, [{ json: {} }], 'delivery');
		await expect(refused).rejects.toThrow('Send and Wait does not work on this version of n8n');
		await expect(refused).rejects.toMatchObject({
			description: expect.stringContaining('Nothing was sent'),
		});
		expect(context.getCredentials).not.toHaveBeenCalled();
	});

	test.each([
		[
			{ limitWaitTime: true, limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' },
			"Max Date and Time: '2020-01-01T00:00:00Z' is not a date and time in the future [item 0]",
		],
		[
			{ limitWaitTime: true, limitType: 'afterTimeInterval', resumeAmount: 0, resumeUnit: 'hours' },
			"Amount: '0' hours is not a time to wait [item 0]",
		],
		[{ recipient: 'abc' }, "Recipient: 'abc' is not a phone number [item 0]"],
	])('refuses bad input %j before anything is sent', async (extra, message) => {
		mockApi().post('/v1/api/send-viber').reply(200, { message_id: 1 });
		const { error } = await runDecisionTelecom({
			items: [{}],
			parameters: waitParameters('sendAndWaitForDelivery', extra),
		});
		expect(error?.message).toBe(message);
		expect(requests()).toBe(0);
	});

	test('does not wait when the send fails; an unknown outcome is not repeated', async () => {
		mockApi().post('/v1/api/send-viber').times(2).reply(502, 'Bad Gateway');
		const { run, error } = await runDecisionTelecom({
			items: [{}],
			parameters: waitParameters('sendAndWaitForDelivery'),
		});
		expect(error?.message).toBe('Outcome unknown: DecisionTelecom answered HTTP 502 [item 0]');
		expect(run.data.waitTill).toBeUndefined();
		expect(requests()).toBe(1);
	});
});
