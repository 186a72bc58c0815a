// The trigger in the running server: published workflows, callbacks on their Production URLs,
// forged and malformed callbacks refused, and the executions they start.
import assert from 'node:assert/strict';

import { finishedExecution, newestExecutionId } from '../../../scripts/n8n/api.mjs';
import { sleep } from '../../../scripts/n8n/wait.mjs';
import { CALLBACK_SECRET, CRED, DELIVERED_BY_SMS, TRIGGER, workflow } from '../fixtures.mjs';
import { pick } from '../inspect.mjs';

export const phase = 'server';
export const publish = ['e2eTrigger', 'e2eTriggerStatus'];

const WEBHOOK_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const WEBHOOK_ID_STATUS_ONLY = '7a2e3d4c-5b6f-4071-9b8c-0d1e2f3a4b5c';
const STATUS =
	'{"message_id":9007199254740993,"status":4,"sms_message_id":36478,"sms_message_status":2}';
const REPLY =
	'{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"a message to the service","tracking_data":"tracking_id:100035"}}';

// The trigger with the credential is version 1.1, what a new node gets (it reads the bodies n8n
// leaves unread itself); the one without is version 1, as in workflows made before 1.1.
export function workflows() {
	const trigger = {
		id: 'd0000000-0000-4000-8000-000000000001',
		name: 'DecisionTelecom Trigger',
		type: TRIGGER,
		typeVersion: 1.1,
		position: [0, 0],
		parameters: { events: ['deliveryStatus', 'inboundMessage'] },
		credentials: { decisionTelecomApi: CRED },
		webhookId: WEBHOOK_ID,
	};
	const { credentials, ...withoutCredential } = trigger;
	const statusOnly = {
		...withoutCredential,
		id: 'd0000000-0000-4000-8000-000000000002',
		typeVersion: 1,
		parameters: { events: ['deliveryStatus'], simplify: false },
		webhookId: WEBHOOK_ID_STATUS_ONLY,
	};
	return {
		e2eTrigger: workflow('e2eTrigger', 'E2E trigger', [trigger], {}),
		e2eTriggerStatus: workflow(
			'e2eTriggerStatus',
			'E2E trigger, statuses only, no credential',
			[statusOnly],
			{},
		),
	};
}

const triggerItems = (execution) =>
	execution.data?.resultData?.runData?.['DecisionTelecom Trigger']?.[0]?.data?.main?.[0]?.map(
		(i) => i.json,
	);

function callbacks(n8n, webhookId) {
	const post = (query, body, contentType = 'application/json') =>
		fetch(`${n8n.baseUrl}webhook/${webhookId}/webhook${query}`, {
			method: 'POST',
			headers: { 'content-type': contentType },
			body,
		});
	return {
		post,
		signed: (body, contentType) => post(`?secret=${CALLBACK_SECRET}`, body, contentType),
	};
}

/** POSTs a signed callback; returns the execution it started. */
async function deliver(n8n, hook, body) {
	const before = await newestExecutionId(n8n.api, 'e2eTrigger');
	const res = await hook.signed(body);
	assert.equal(res.status, 200, `HTTP ${res.status}`);
	assert.equal(await res.text(), '', 'response body');
	const execution = await finishedExecution(n8n.api, 'e2eTrigger', before);
	assert.equal(execution.status, 'success', `execution status ${execution.status}`);
	return execution;
}

async function callbackChecks({ check, n8n }, hook) {
	await check(
		'trigger: delivery-status callback starts an execution with the expected item',
		async () => {
			const execution = await deliver(n8n, hook, STATUS);
			assert.deepEqual(triggerItems(execution), [
				{ eventType: 'deliveryStatus', messageId: '9007199254740993', ...DELIVERED_BY_SMS },
			]);
		},
	);
	await check(
		'trigger: 2-way reply callback starts an execution with the expected item',
		async () => {
			const items = triggerItems(await deliver(n8n, hook, REPLY));
			assert.equal(items?.length, 1, JSON.stringify(items));
			const keys = [
				'eventType',
				'phoneNumber',
				'text',
				'messageToken',
				'time',
				'inReplyToMessageId',
				'trackingData',
			];
			assert.deepEqual(
				{ ...pick(items[0], keys), timeRaw: String(items[0].timeRaw) },
				{
					eventType: 'inboundMessage',
					phoneNumber: '972512222222',
					text: 'a message to the service',
					messageToken: '44444444444444',
					time: new Date(2121212121 * 1000).toISOString(),
					inReplyToMessageId: '100035',
					trackingData: 'tracking_id:100035',
					timeRaw: '2121212121',
				},
			);
		},
	);
}

async function refusedChecks({ check }, hook, triggerExecutions) {
	await check(
		'trigger: wrong or missing secret -> 401 and no execution; malformed body -> 400 and no execution',
		async () => {
			const before = triggerExecutions().length;
			const status = async (response) => (await response).status;
			const answers = {
				wrongSecret: await status(
					hook.post('?secret=not-the-secret', '{"message_id":429,"status":1}'),
				),
				missingSecret: await status(hook.post('', '{"message_id":429,"status":1}')),
			};
			// n8n itself answers 422 "Failed to parse request body" for broken JSON declared as
			// application/json, before the node runs; as text/plain the node sees it and answers 400.
			const invalidJsonAsJson = await status(hook.signed('{"message_id":429,"status":'));
			answers.invalidJsonAsJson = [400, 422].includes(invalidJsonAsJson)
				? '400 or 422'
				: invalidJsonAsJson;
			answers.invalidJsonAsText = await status(
				hook.signed('{"message_id":429,"status":', 'text/plain'),
			);
			answers.notACallback = await status(hook.signed('{"hello":"world"}'));
			answers.emptyBody = await status(hook.signed(''));
			await sleep(1500);
			const after = triggerExecutions();
			assert.deepEqual(answers, {
				wrongSecret: 401,
				missingSecret: 401,
				invalidJsonAsJson: '400 or 422',
				invalidJsonAsText: 400,
				notACallback: 400,
				emptyBody: 400,
			});
			assert.equal(after.length, before, `new executions: ${JSON.stringify(after.slice(before))}`);
		},
	);
}

async function statusOnlyCheck({ check, n8n }) {
	await check(
		'trigger without credential, Delivery Status only: status accepted without secret, reply ignored',
		async () => {
			const hook = callbacks(n8n, WEBHOOK_ID_STATUS_ONLY);
			await n8n.webhooksRegistered(['e2eTriggerStatus']);
			const count = () =>
				n8n.sql(`select id from execution_entity where "workflowId" = 'e2eTriggerStatus'`).length;
			const reply = await hook.post(
				'',
				'{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"hi","tracking_data":"tracking_id:1"}}',
			);
			assert.equal(reply.status, 200, `reply: HTTP ${reply.status}`);
			await sleep(1000);
			assert.equal(count(), 0, 'the ignored reply started an execution');
			const status = await hook.post('', '{"message_id":429,"status":1}');
			assert.equal(status.status, 200, `status: HTTP ${status.status}`);
			const execution = await finishedExecution(n8n.api, 'e2eTriggerStatus', 0);
			assert.deepEqual(
				pick(triggerItems(execution)?.[0], [
					'eventType',
					'messageId',
					'viberStatus',
					'deliveredVia',
					'raw',
				]),
				{
					eventType: 'deliveryStatus',
					messageId: '429',
					viberStatus: 1,
					deliveredVia: 'viber',
					raw: { message_id: 429, status: 1 },
				},
			);
		},
	);
}

export async function run(context) {
	const { check, n8n } = context;
	const hook = callbacks(n8n, WEBHOOK_ID);
	const triggerExecutions = () =>
		n8n.sql(
			`select id, status, mode from execution_entity where "workflowId" = 'e2eTrigger' order by id`,
		);
	await check(
		'published trigger workflow is active and its Production URL is registered',
		async () => {
			assert.equal((await n8n.api('workflows/e2eTrigger')).active, true, 'workflow not active');
			await n8n.webhooksRegistered(['e2eTrigger']);
		},
	);
	await callbackChecks(context, hook);
	await refusedChecks(context, hook, triggerExecutions);
	await statusOnlyCheck(context);
	await check(
		'the executions are in the database (execution_entity) with mode webhook',
		async () => {
			const rows = triggerExecutions();
			assert.equal(rows.length, 2, JSON.stringify(rows));
			assert.deepEqual(
				rows.map((r) => [r.mode, r.status]),
				[
					['webhook', 'success'],
					['webhook', 'success'],
				],
			);
		},
	);
}
