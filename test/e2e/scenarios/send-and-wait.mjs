// Send and Wait in the running server: a published workflow (Webhook -> Send and Wait -> No Op)
// is started, its execution waits, and the test plays DecisionTelecom: it posts callbacks to the
// callback URL the mock received. Stale, forged and early callbacks keep it waiting; the right one
// resumes it; a time limit ends it; a restart of n8n while it waits loses nothing.
import assert from 'node:assert/strict';

import { pollUntil } from '../../../scripts/n8n/wait.mjs';
import { CRED, TWO_WAY_SEND, actionNode, linked, webhookStart, workflow } from '../fixtures.mjs';

export const phase = 'server';
export const publish = ['e2eWaitDelivery', 'e2eWaitReply', 'e2eWaitTimeout'];

const RECIPIENT = '380507777777';

/** Webhook (POST /webhook/<path>, answers at once) -> Send and Wait ('Wait') -> No Op ('Done'). */
function waitingWorkflow(id, n, path, parameters) {
	const nodeId = (kind) => `e${kind}000000-0000-4000-8000-00000000000${n}`;
	const webhook = webhookStart(nodeId(1), nodeId(2), path);
	const wait = actionNode(
		'Wait',
		{ ...TWO_WAY_SEND, recipient: '={{ $json.body.to }}', ...parameters },
		CRED,
	);
	const done = {
		id: nodeId(3),
		name: 'Done',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [600, 0],
		parameters: {},
	};
	return workflow(id, id, [webhook, wait, done], linked([webhook, wait, done]));
}

export function workflows() {
	return {
		e2eWaitDelivery: waitingWorkflow('e2eWaitDelivery', 1, 'e2e-wait-delivery', {
			operation: 'sendAndWaitForDelivery',
			messageKind: 'text',
			category: 'transactional',
		}),
		e2eWaitReply: waitingWorkflow('e2eWaitReply', 2, 'e2e-wait-reply', {
			operation: 'sendAndWaitForReply',
			limitWaitTime: true,
			resumeAmount: 1,
			resumeUnit: 'hours',
		}),
		e2eWaitTimeout: waitingWorkflow('e2eWaitTimeout', 3, 'e2e-wait-timeout', {
			operation: 'sendAndWaitForReply',
			limitWaitTime: true,
			resumeAmount: 0.05,
			resumeUnit: 'minutes',
		}),
	};
}

/**
 * The newest execution of a workflow, from the database: n8n 1.x's public API leaves executions
 * that it still holds in memory (a waiting one, for instance) out of its lists.
 */
function newestExecution(n8n, workflowId) {
	return n8n.sql(
		`select id, status from execution_entity where "workflowId" = '${workflowId}' order by id desc limit 1`,
	)[0];
}

/** Starts the workflow through its Webhook node; resolves to { id, callbackUrl, messageId } once it waits. */
async function startWaiting({ n8n, mock }, workflowId, path) {
	const before = Number(newestExecution(n8n, workflowId)?.id ?? 0);
	const sentBefore = mock.requests().length;
	const res = await fetch(`${n8n.baseUrl}webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ to: RECIPIENT }),
	});
	assert.equal(res.status, 200, `starting ${workflowId}: HTTP ${res.status}`);
	const id = await pollUntil(
		() => {
			const newest = newestExecution(n8n, workflowId);
			return newest && Number(newest.id) > before && newest.status === 'waiting'
				? String(newest.id)
				: undefined;
		},
		{ what: `no waiting execution of ${workflowId}`, timeoutMs: 30000 },
	);
	const send = mock
		.requests()
		.slice(sentBefore)
		.find((r) => r.path === '/v1/api/send-viber' && r.messageId);
	assert.ok(send, 'the mock received no accepted send');
	return { id, callbackUrl: send.body.callback_url, messageId: send.messageId };
}

const post = (url, body) =>
	fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const statusOf = async (n8n, id) => (await n8n.api(`executions/${id}?includeData=true`)).status;

async function finished(n8n, id) {
	return await pollUntil(
		async () => {
			const execution = await n8n.api(`executions/${id}?includeData=true`);
			return ['success', 'error'].includes(execution.status) ? execution : undefined;
		},
		{ what: `execution ${id} did not finish`, timeoutMs: 120000, everyMs: 500 },
	);
}

// n8n 1.x cannot keep the node's record with a waiting execution (the node refuses there)
const waitsHere = (n8n) => n8n.runtime.pin.line !== '1';

const doneItem = (execution) =>
	execution.data.resultData.runData.Done?.[0]?.data?.main?.[0]?.[0]?.json;

async function staleAndForgedKeepWaiting(n8n, wait) {
	const forged = (name, value) => {
		const url = new URL(wait.callbackUrl);
		if (value === undefined) url.searchParams.delete(name);
		else url.searchParams.set(name, value);
		return url.toString();
	};
	const delivered = `{"message_id":${wait.messageId},"status":1}`;
	const answers = [
		(await post(wait.callbackUrl, `{"message_id":${wait.messageId},"status":0}`)).status,
		(await post(wait.callbackUrl, '{"message_id":429,"status":1}')).status,
		(await post(forged('waitToken'), delivered)).status,
		(await post(forged('waitToken', 'forged'), delivered)).status,
		(await post(forged('signature', 'forged'), delivered)).status,
	];
	assert.deepEqual(answers, [200, 200, 401, 401, 401]);
	assert.equal(await statusOf(n8n, wait.id), 'waiting');
}

async function deliveryChecks(context) {
	const { check, n8n } = context;
	let wait;
	await check(
		'Send and Wait for Delivery: the published workflow sends once and its execution waits',
		async () => {
			wait = await startWaiting(context, 'e2eWaitDelivery', 'e2e-wait-delivery');
			const url = new URL(wait.callbackUrl);
			assert.match(url.pathname, new RegExp(`/webhook-waiting/${wait.id}/`));
			assert.ok(
				url.searchParams.get('signature') &&
					url.searchParams.get('waitToken') &&
					url.searchParams.get('secret'),
				wait.callbackUrl,
			);
		},
	);
	if (!wait) return;
	await check(
		'Send and Wait: "sent", a stale status and forged callbacks (no or a wrong waitToken, a wrong signature) keep it waiting',
		() => staleAndForgedKeepWaiting(n8n, wait),
	);
	await check(
		'Send and Wait: the message delivered by SMS resumes it with the final status',
		async () => {
			const res = await post(
				wait.callbackUrl,
				`{"message_id":${wait.messageId},"status":4,"sms_message_id":36478,"sms_message_status":2}`,
			);
			assert.equal(res.status, 200);
			const execution = await finished(n8n, wait.id);
			assert.equal(execution.status, 'success');
			assert.deepEqual(doneItem(execution), {
				outcome: 'delivered',
				messageId: wait.messageId,
				recipient: RECIPIENT,
				viberStatus: 4,
				viberStatusName: 'undelivered',
				smsMessageId: '36478',
				smsStatus: 2,
				smsStatusName: 'delivered',
				final: true,
				delivered: true,
				deliveredVia: 'sms',
			});
			assert.equal(
				(await post(wait.callbackUrl, `{"message_id":${wait.messageId},"status":1}`)).status,
				409,
				'a callback after the end',
			);
		},
	);
}

async function replyChecks(context) {
	const { check, n8n } = context;
	await check(
		'Send and Wait for Reply: the reply resumes it with the text, also after n8n restarted while it waited',
		async () => {
			const wait = await startWaiting(context, 'e2eWaitReply', 'e2e-wait-reply');
			await n8n.stop();
			await n8n.start();
			const reply = {
				message_token: 555,
				phone_number: RECIPIENT,
				time: 2121212121,
				message: { text: 'YES', tracking_data: `tracking_id:${wait.messageId}` },
			};
			const res = await post(wait.callbackUrl, JSON.stringify(reply));
			assert.equal(res.status, 200);
			const execution = await finished(n8n, wait.id);
			assert.equal(execution.status, 'success');
			assert.deepEqual(
				{ ...doneItem(execution), time: undefined },
				{
					outcome: 'replied',
					messageId: wait.messageId,
					recipient: RECIPIENT,
					phoneNumber: RECIPIENT,
					text: 'YES',
					messageToken: '555',
					time: undefined,
					timeRaw: 2121212121,
					inReplyToMessageId: wait.messageId,
					trackingData: `tracking_id:${wait.messageId}`,
				},
			);
		},
	);
}

/** n8n 1.x cannot keep the message id with a waiting execution: the node stops before sending. */
async function refusedOnN8n1({ check, n8n, mock }) {
	await check(
		'n8n 1.x: Send and Wait stops before sending, saying it does not work on this version of n8n',
		async () => {
			const before = Number(newestExecution(n8n, 'e2eWaitDelivery')?.id ?? 0);
			const sentBefore = mock.requests().length;
			const res = await fetch(`${n8n.baseUrl}webhook/e2e-wait-delivery`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ to: RECIPIENT }),
			});
			assert.equal(res.status, 200);
			const id = await pollUntil(
				() => {
					const newest = newestExecution(n8n, 'e2eWaitDelivery');
					return newest && Number(newest.id) > before && newest.status === 'error'
						? newest.id
						: undefined;
				},
				{ what: 'no failed execution of e2eWaitDelivery', timeoutMs: 30000 },
			);
			const execution = await n8n.api(`executions/${id}?includeData=true`);
			assert.equal(
				execution.data.resultData.error?.message,
				'Send and Wait does not work on this version of n8n',
			);
			assert.equal(mock.requests().length, sentBefore, 'the mock received a request');
		},
	);
}

export async function run(context) {
	const { check, n8n } = context;
	if (!waitsHere(n8n)) return refusedOnN8n1(context);
	// The time limit runs out while the other checks run (n8n looks at waiting executions once a minute).
	let timed;
	await check('Send and Wait with a time limit of 3 s: its execution waits', async () => {
		timed = await startWaiting(context, 'e2eWaitTimeout', 'e2e-wait-timeout');
	});
	await deliveryChecks(context);
	await replyChecks(context);
	if (!timed) return;
	await check(
		'Send and Wait: when the time limit passes it goes on with outcome timedOut and the message id',
		async () => {
			const execution = await finished(n8n, timed.id);
			assert.equal(execution.status, 'success');
			assert.deepEqual(doneItem(execution), {
				outcome: 'timedOut',
				messageId: timed.messageId,
				recipient: RECIPIENT,
				waitedFor: 'reply',
				timeLimit: 'within 0.05 minutes',
				detail: `No reply within 0.05 minutes. DecisionTelecom accepted the message; use Get Status with this messageId for its status now.`,
				lastKnownStatus: 'accepted',
			});
		},
	);
}
