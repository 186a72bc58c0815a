// One contender's run: POST its workflow's webhook, wait for the saved execution, and read the
// contender node's own time and results next to what the mock saw.
import { finishedExecution, newestExecutionId } from '../scripts/n8n/api.mjs';
import { isStopping } from '../scripts/n8n/cleanup.mjs';
import { say } from '../scripts/n8n/log.mjs';
import { elapsed } from './settings.mjs';

/** POSTs the webhook (it answers when the run ends) and returns the execution with its data. */
export async function runWorkflow(n8n, workflowId, body) {
	const lastId = await newestExecutionId(n8n.api, workflowId);
	const res = await fetch(`${n8n.baseUrl}webhook/bench-${workflowId}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(900000),
	});
	// a failing run answers 500 and is measured like any other; 404 means nothing ran
	const answer = await res.text();
	if (res.status === 404)
		throw new Error(`POST webhook/bench-${workflowId}: ${answer.slice(0, 300)}`);
	return finishedExecution(n8n.api, workflowId, lastId, { timeoutMs: 60000, everyMs: 100 });
}

function contenderResult(execution, count) {
	const task = execution.data?.resultData?.runData?.Contender?.at(-1);
	const items = task?.data?.main?.[0] ?? [];
	const errorItems = items.filter((i) => i.json?.error !== undefined).length;
	return {
		status: execution.status,
		nodeSeconds: task ? task.executionTime / 1000 : NaN,
		executionSeconds: (Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt)) / 1000,
		results: items.length,
		ok: items.length - errorItems,
		failed: task?.error ? count - (items.length - errorItems) : errorItems,
		error: task?.error?.message,
	};
}

/** Ends a section early once a signal has started the clean-up. */
export function checkInterrupted() {
	if (isStopping()) throw new Error('interrupted');
}

/** First request to last answer at the mock, in seconds. */
export const spanSeconds = (summary) => (summary.lastRespondedAt - summary.firstReceivedAt) / 1000;

/** Resets the mock with `mockOptions`, runs the workflow, and returns the result with the mock's summary. */
export async function runContender({ n8n, mock }, label, workflowId, body, mockOptions, count) {
	checkInterrupted();
	await mock.reset(mockOptions);
	const execution = await runWorkflow(n8n, workflowId, body);
	const summary = await mock.summary();
	const r = {
		label,
		...contenderResult(execution, count),
		mock: summary,
		spanSeconds: spanSeconds(summary),
	};
	const { accepted, duplicates, rateLimited } = summary.counters;
	say(
		`${label}: node ${r.nodeSeconds.toFixed(2)} s, mock span ${r.spanSeconds.toFixed(2)} s, execution ${r.executionSeconds.toFixed(2)} s, ` +
			`${r.ok}/${count} ok, accepted ${accepted}, duplicates ${duplicates}, 429s ${rateLimited} (${elapsed()})`,
	);
	return r;
}
