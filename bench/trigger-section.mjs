// 4. Callbacks: status callbacks, then a batch of 2-way replies, posted to each receiver of
// trigger-workflows.mjs in turn; every execution they start is awaited before the next row.
import { say } from '../scripts/n8n/log.mjs';
import { pollUntil } from '../scripts/n8n/wait.mjs';
import { postCallbacks, replyCallback, statusCallback } from './callbacks.mjs';
import { checkInterrupted } from './contenders.mjs';
import { CALLBACK_CONCURRENCY, N_CALLBACKS, N_REPLIES, elapsed } from './settings.mjs';
import { receivers } from './trigger-workflows.mjs';

function finishedExecutions(n8n, workflowId) {
	const [row] = n8n.sql(
		"select count(*) as n, sum(status = 'success') as ok from execution_entity where workflowId = ? and stoppedAt is not null",
		[workflowId],
	);
	return { n: row.n, ok: row.ok ?? 0 };
}

/** Posts `count` callbacks, then waits until the executions they started have finished. */
async function measure(n8n, receiver, count, body) {
	checkInterrupted();
	const before = finishedExecutions(n8n, receiver.id);
	const t0 = performance.now();
	const posted = await postCallbacks(receiver, count, CALLBACK_CONCURRENCY, body);
	const after = await pollUntil(
		() => {
			const now = finishedExecutions(n8n, receiver.id);
			return now.n >= before.n + posted.ok ? now : undefined;
		},
		{
			what: `executions of ${receiver.id} not finished`,
			timeoutMs: 120000 + count * 500,
			everyMs: 250,
		},
	);
	return {
		...posted,
		executions: after.n - before.n,
		succeeded: after.ok - before.ok,
		allFinishedSeconds: (performance.now() - t0) / 1000,
	};
}

async function rows(n8n, results, kind, count, body) {
	for (const receiver of receivers(n8n.baseUrl)) {
		const r = await measure(n8n, receiver, count, body);
		results.s4.push({ label: receiver.label, kind, count, ...r });
		say(
			`${receiver.label}, ${count} ${kind}: ${r.perSecond.toFixed(1)}/s, p95 ${r.p95Ms.toFixed(0)} ms, ` +
				`${r.ok} answered 200, ${r.succeeded}/${r.executions} executions succeeded, all finished after ${r.allFinishedSeconds.toFixed(1)} s (${elapsed()})`,
		);
	}
}

/** Section 4; each receiver is warmed up with 20 callbacks first. */
export async function callbacks({ n8n }, results) {
	say(
		`4. ${N_CALLBACKS} status callbacks and ${N_REPLIES} replies, ${CALLBACK_CONCURRENCY} at a time`,
	);
	for (const receiver of receivers(n8n.baseUrl)) await measure(n8n, receiver, 20, statusCallback);
	await rows(n8n, results, 'status callbacks', N_CALLBACKS, statusCallback);
	await rows(n8n, results, '2-way replies', N_REPLIES, replyCallback);
}
