// A worker SIGKILLed while it sends (by PID): what happens to the execution and its messages, and
// the way back that the README gives: run the same input again; Send Once Per Key skips what was
// already sent (and the message whose answer was lost with the worker) and sends the rest once.
import assert from 'node:assert/strict';

import { pollUntil } from '../../../scripts/n8n/wait.mjs';
import {
	TWO_WAY_SEND,
	actionNode,
	codeNode,
	linked,
	webhookStart,
	workflow,
} from '../fixtures.mjs';
import { nodeOutput } from '../inspect.mjs';
import { finishedExecutions, newestExecutionId, postToWebhook, whereRan } from './placement.mjs';

export const publish = ['qKill'];

const COUNT = 20;
const RECIPIENTS = Array.from({ length: COUNT }, (_, i) => `3805099${String(i).padStart(5, '0')}`);

export function workflows() {
	const start = webhookStart(
		'f9000000-0000-4000-8000-000000000001',
		'f9000000-0000-4000-8000-000000000002',
		'q-kill',
	);
	const list = codeNode(
		'f9000000-0000-4000-8000-000000000003',
		'Recipients',
		'return $input.first().json.body.recipients.map((to) => ({ json: { to } }));',
	);
	const send = actionNode('Send', {
		...TWO_WAY_SEND,
		recipient: '={{ $json.to }}',
		options: {
			maxConcurrentRequests: 1,
			sendOnce: {
				values: { key: '={{ $json.to }}-kill-test', scope: 'node', rememberLast: 10000 },
			},
		},
	});
	return { qKill: workflow('qKill', 'qKill', [start, list, send], linked([start, list, send])) };
}

const sends = (mock) => mock.requests().filter((r) => r.path === '/v1/api/send-viber');
const seconds = (from) => ((Date.now() - from) / 1000).toFixed(1);

/** Starts the 20 sends, kills the worker running them once 3 were answered; returns what it saw. */
async function killMidway({ cluster, n8n, mock }) {
	const before = await newestExecutionId(n8n.api, 'qKill');
	assert.equal(await postToWebhook(cluster, 'q-kill', { recipients: RECIPIENTS }), 200);
	await pollUntil(() => (sends(mock).length >= 4 ? true : undefined), {
		what: 'the 4th send did not arrive',
		timeoutMs: 120000,
		everyMs: 50,
	});
	const id = String(await newestExecutionId(n8n.api, 'qKill'));
	assert.ok(Number(id) > before, 'no execution');
	const [name] = whereRan(cluster)[id] ?? [];
	const worker = cluster.workers.find((w) => w.name === name);
	assert.ok(worker, `execution ${id} is not on a worker: ${name}`);
	const killedAt = Date.now();
	process.kill(worker.server.pid, 'SIGKILL');
	await worker.server.exited;
	// its task runner is in its process group; it must not outlive the worker
	try {
		process.kill(-worker.server.pid, 'SIGKILL');
	} catch {
		/* already gone */
	}
	return {
		id,
		worker,
		killedAt,
		requestsAtKill: sends(mock).length,
		answeredAtKill: sends(mock).filter((r) => r.messageId).length,
	};
}

async function measureAfterKill({ n8n, mock, cluster }, kill) {
	const timeline = [];
	let last;
	const execution = await pollUntil(
		async () => {
			const e = await n8n.api(`executions/${kill.id}?includeData=true`);
			if (e.status !== last) timeline.push(`${seconds(kill.killedAt)} s: ${(last = e.status)}`);
			return e.stoppedAt && !['new', 'running'].includes(e.status) ? e : undefined;
		},
		{ what: `execution ${kill.id} still unfinished`, timeoutMs: 300000, everyMs: 1000 },
	);
	const accepted = sends(mock).filter((r) => r.messageId).length;
	return {
		status: execution.status,
		timeline,
		runData: Object.keys(execution.data?.resultData?.runData ?? {}),
		error: String(execution.data?.resultData?.error?.message ?? '').slice(0, 160),
		requestsAfter: sends(mock).length,
		acceptedAfter: accepted,
		startedOn: whereRan(cluster)[kill.id],
	};
}

export async function run(context) {
	const { check, n8n, mock } = context;
	mock.reset({ latencyMs: 2000 });
	let kill;
	await check(
		`a worker SIGKILLed while sending ${COUNT} messages one at a time, after 3 were answered: the execution ends in error, no other worker takes it over, nothing is resent`,
		async () => {
			kill = await killMidway(context);
			const seen = await measureAfterKill(context, kill);
			console.log(
				`        killed ${kill.worker.name} (PID ${kill.worker.server.pid}) running execution ${kill.id}: ${JSON.stringify({ ...seen, requestsAtKill: kill.requestsAtKill, answeredAtKill: kill.answeredAtKill })}`,
			);
			assert.equal(seen.status, 'error');
			assert.deepEqual(
				seen.startedOn,
				[kill.worker.name],
				'started once, on the killed worker only',
			);
			assert.equal(seen.requestsAfter, kill.requestsAtKill, 'requests after the kill');
			assert.equal(
				seen.acceptedAfter,
				4,
				'the 3 answered and the one in flight (accepted by the API, its answer lost)',
			);
		},
	);
	if (!kill) return;
	mock.configure({ latencyMs: 0 });
	await check(
		're-run of the same input with Send Once Per Key: the 4 messages the API accepted are skipped, the other 16 sent once; every recipient accepted exactly once',
		async () => {
			const before = await newestExecutionId(n8n.api, 'qKill');
			assert.equal(await postToWebhook(context.cluster, 'q-kill', { recipients: RECIPIENTS }), 200);
			const [rerun] = await finishedExecutions(n8n.api, 'qKill', before, 1);
			assert.equal(rerun.status, 'success');
			const out = nodeOutput(rerun, 'Send');
			assert.deepEqual(
				out.map((o) => o.skipped === true),
				RECIPIENTS.map((_, i) => i < 4),
			);
			const accepted = sends(mock)
				.filter((r) => r.messageId)
				.map((r) => r.body.destination_addr);
			assert.deepEqual([...accepted].sort(), [...RECIPIENTS].sort());
		},
	);
}
