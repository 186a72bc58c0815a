// Sends in queue mode: executions started at the webhook process run on the workers, with the
// exact bodies and big ids and nothing twice; two runs at once against the mock's rate limit lose
// nothing and send nothing twice (each run paces itself on the 429 answers it gets).
import assert from 'node:assert/strict';

import {
	CALLBACK_SECRET,
	DEFAULT_CALLBACK,
	TWO_WAY_SEND,
	actionNode,
	codeNode,
	linked,
	webhookStart,
	workflow,
} from '../fixtures.mjs';
import { bodyEquals, nodeOutput } from '../inspect.mjs';
import { finishedExecutions, newestExecutionId, postToWebhook, whereRan } from './placement.mjs';

export const publish = ['qSend', 'qSendPaced'];

const RECIPIENTS = 'return $input.first().json.body.recipients.map((to) => ({ json: { to } }));';

function sendWorkflow(id, n, path, options) {
	const start = webhookStart(
		`f${n}000000-0000-4000-8000-000000000001`,
		`f${n}000000-0000-4000-8000-000000000002`,
		path,
	);
	const list = codeNode(`f${n}000000-0000-4000-8000-000000000003`, 'Recipients', RECIPIENTS);
	const send = actionNode('Send', { ...TWO_WAY_SEND, recipient: '={{ $json.to }}', options });
	return workflow(id, id, [start, list, send], linked([start, list, send]));
}

export function workflows() {
	return {
		qSend: sendWorkflow('qSend', 1, 'q-send', { maxConcurrentRequests: 3 }),
		qSendPaced: sendWorkflow('qSendPaced', 2, 'q-send-paced', {
			maxConcurrentRequests: 3,
			rateLimitMaxWait: 120,
		}),
	};
}

const recipientsOf = (run, perRun) =>
	Array.from({ length: perRun }, (_, i) => `3805030${run}00${i}`);
const sendsTo = (mock) => mock.requests().filter((r) => r.path === '/v1/api/send-viber');

/** Starts `runs` executions at once through the webhook process; returns the finished executions. */
async function startRuns({ cluster, n8n }, workflowId, path, runs, perRun) {
	const before = await newestExecutionId(n8n.api, workflowId);
	const answers = await Promise.all(
		Array.from({ length: runs }, (_, run) =>
			postToWebhook(cluster, path, { recipients: recipientsOf(run, perRun) }),
		),
	);
	assert.deepEqual(answers, Array(runs).fill(200));
	return finishedExecutions(n8n.api, workflowId, before, runs);
}

/** Every recipient accepted once, its output id the mock's id, and the exact body sent. */
function checkEverySendOnce(mock, executions, runs, perRun) {
	assert.deepEqual(
		executions.map((e) => e.status),
		Array(runs).fill('success'),
	);
	const accepted = sendsTo(mock).filter((r) => r.messageId);
	const expected = Array.from({ length: runs }, (_, run) => recipientsOf(run, perRun)).flat();
	assert.deepEqual(
		accepted.map((r) => r.body.destination_addr).sort(),
		[...expected].sort(),
		'each recipient accepted once',
	);
	assert.equal(mock.counters().duplicates, 0, 'duplicate bodies');
	for (const r of accepted)
		bodyEquals(r, {
			source_addr: 'Shop',
			destination_addr: r.body.destination_addr,
			message_type: 206,
			text: 'Reply YES to confirm your order',
			source_type: 1,
			callback_url: `${DEFAULT_CALLBACK}?secret=${CALLBACK_SECRET}`,
		});
	const idOf = new Map(accepted.map((r) => [r.body.destination_addr, r.messageId]));
	for (const e of executions)
		for (const item of nodeOutput(e, 'Send'))
			assert.equal(item.messageId, idOf.get(item.recipient), `${item.recipient}`);
	const biggest = [...idOf.values()].map(BigInt).sort((a, b) => (a < b ? 1 : -1))[0];
	assert.ok(biggest > BigInt(Number.MAX_SAFE_INTEGER), 'ids beyond 2^53 kept exactly');
}

/** Each execution started on exactly one worker, none on main or the webhook process. */
function checkRanOnWorkers(cluster, executions) {
	const ran = whereRan(cluster);
	const places = executions.map((e) => ran[e.id] ?? []);
	for (const [i, p] of places.entries())
		assert.ok(
			p.length === 1 && p[0].startsWith('worker'),
			`execution ${executions[i].id} started on ${JSON.stringify(p)}`,
		);
	return places.map((p) => p[0]);
}

export async function run(context) {
	const { check, cluster, mock } = context;
	mock.reset();
	await check(
		'6 executions at once (3 messages each) at the webhook process: all run on the workers, exact bodies, ids beyond 2^53, nothing twice',
		async () => {
			const executions = await startRuns(context, 'qSend', 'q-send', 6, 3);
			checkEverySendOnce(mock, executions, 6, 3);
			const on = checkRanOnWorkers(cluster, executions);
			console.log(
				`        executions ${executions.map((e) => e.id).join(', ')} ran on ${on.join(', ')}`,
			);
		},
	);

	mock.reset({ rateLimitPerSecond: 2 });
	await check(
		'two executions sending at once on the workers against a rate limit of 2/s (2 runs x 10 messages, 3 in flight each): every message accepted once, none lost',
		async () => {
			const executions = await startRuns(context, 'qSendPaced', 'q-send-paced', 2, 10);
			checkEverySendOnce(mock, executions, 2, 10);
			const on = checkRanOnWorkers(cluster, executions);
			const refused = sendsTo(mock).filter((r) => r.rateLimited).length;
			assert.ok(refused > 0, 'the mock never answered 429: the runs did not share one limit');
			const span =
				(Math.max(...sendsTo(mock).map((r) => r.respondedAt)) -
					Math.min(...sendsTo(mock).map((r) => r.receivedAt))) /
				1000;
			console.log(
				`        ran on ${on.join(' and ')}; 20 accepted, ${refused} answered 429 and retried, ${span.toFixed(1)} s from first request to last answer`,
			);
		},
	);
}
