// Where executions ran in queue mode. The execution records have no worker column; each worker
// logs `Worker started execution <id> (job <job id>)` (the two ids differ), so one log per
// process tells which process ran what.
import fs from 'node:fs';

import { newestExecutionId } from '../../../scripts/n8n/api.mjs';
import { pollUntil } from '../../../scripts/n8n/wait.mjs';

const STARTED = /Worker started execution (\d+)/g;

function startsIn(file) {
	const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	return [...text.matchAll(STARTED)].map((m) => m[1]);
}

/** { executionId: [name of the process that started it, one per start] } over every process. */
export function whereRan(cluster) {
	const ran = {};
	for (const p of cluster.processes)
		for (const id of startsIn(p.logs.server)) (ran[id] ??= []).push(p.name);
	return ran;
}

/** POSTs a JSON body to a Production URL on the webhook process; resolves to the HTTP status. */
export async function postToWebhook(cluster, path, body) {
	const res = await fetch(`${cluster.webhookUrl}webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	await res.text();
	return res.status;
}

/** Waits until `count` executions of the workflow newer than `afterId` have finished; returns them. */
export async function finishedExecutions(api, workflowId, afterId, count, timeoutMs = 120000) {
	const ids = await pollUntil(
		async () => {
			const { data } = await api(`executions?workflowId=${workflowId}&limit=${count + 20}`);
			const newer = data.filter((e) => Number(e.id) > afterId);
			const done = newer.filter(
				(e) => e.stoppedAt && !['new', 'running', 'waiting'].includes(e.status),
			);
			return done.length >= count ? done.map((e) => e.id) : undefined;
		},
		{ what: `fewer than ${count} finished executions of ${workflowId}`, timeoutMs, everyMs: 500 },
	);
	return Promise.all(ids.map((id) => api(`executions/${id}?includeData=true`)));
}

export { newestExecutionId };
