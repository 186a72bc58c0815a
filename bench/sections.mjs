// The measurements: a warm-up, then the three sections of bench/results.md. Each takes
// { n8n, mock } and fills its part of `results`.
import { say } from '../scripts/n8n/log.mjs';
import { sleep } from '../scripts/n8n/wait.mjs';
import { bareClient } from './bare-client.mjs';
import { checkInterrupted, runContender, runWorkflow, spanSeconds } from './contenders.mjs';
import { rssSampler, treeRss } from './rss.mjs';
import {
	CONCURRENCIES,
	HTTP_BATCH,
	HTTP_RETRY,
	LATENCY_MS,
	MEMORY_LATENCY_MS,
	N_MEMORY,
	N_SEND,
	RATE_LIMIT,
	RETRY_COUNTERPART,
	elapsed,
} from './settings.mjs';

export const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const BATCHING = `HTTP Request node, Batching ${HTTP_BATCH.batchSize} items / ${HTTP_BATCH.batchInterval} ms`;
const FLOOR = "Diagnostic: minimal node, n8n's httpRequest helper only";

/** Every workflow once with a few items (JIT, module loading, first database writes). */
export async function warmUp({ n8n, mock }, workflowIds) {
	say('warm-up ...');
	for (const id of workflowIds) {
		await mock.reset({ latencyMs: 0 });
		await runWorkflow(n8n, id, { count: 20, concurrency: 5 });
	}
	await bareClient(mock.url, 200, 5);
}

async function bareClients(mock, mockOptions, results) {
	for (const c of [...CONCURRENCIES, N_SEND]) {
		checkInterrupted();
		await mock.reset(mockOptions);
		const b = await bareClient(mock.url, N_SEND, c);
		const summary = await mock.summary();
		results.bare[c] = {
			...b,
			spanSeconds: spanSeconds(summary),
			accepted: summary.counters.accepted,
		};
		say(`bare client c=${c}: ${b.seconds.toFixed(2)} s, ${b.ok} ok (${elapsed()})`);
	}
}

/** 1. Throughput without a rate limit, against the bare client at the same concurrency. */
export async function throughput(context, results) {
	say(`1. ${N_SEND} sends, ${LATENCY_MS} ms latency, no rate limit`);
	const mockOptions = { latencyMs: LATENCY_MS };
	await bareClients(context.mock, mockOptions, results);
	const run = async (label, id, concurrency, body = { count: N_SEND, concurrency }) =>
		results.s1.push({
			...(await runContender(context, label, id, body, mockOptions, N_SEND)),
			concurrency,
		});
	await run('DecisionTelecom node, default (5)', 'oursDefault', 5, { count: N_SEND });
	for (const c of CONCURRENCIES) await run(`DecisionTelecom node, ${c}`, 'oursC', c);
	for (const c of CONCURRENCIES.filter((c) => c > 1)) await run(`${FLOOR}, ${c}`, 'floor', c);
	await run('HTTP Request node, default (all items at once)', 'httpDefault', N_SEND, {
		count: N_SEND,
	});
	await run(BATCHING, 'httpBatch', HTTP_BATCH.batchSize, { count: N_SEND });
}

/** 2. The same sends against the mock's rate limit. */
export async function rateLimit(context, results) {
	say(`2. ${N_SEND} sends against ${RATE_LIMIT} requests/s`);
	const mockOptions = { latencyMs: 0, rateLimitPerSecond: RATE_LIMIT };
	const run = async (label, id, body = { count: N_SEND }) =>
		results.s2.push(await runContender(context, label, id, body, mockOptions, N_SEND));
	await run('DecisionTelecom node, default (5)', 'oursDefault');
	await run('DecisionTelecom node, 20', 'oursC', { count: N_SEND, concurrency: 20 });
	await run(
		`HTTP Request node, Retry On Fail (${HTTP_RETRY.maxTries} tries, ${HTTP_RETRY.waitBetweenTries} ms)`,
		'httpRetry',
	);
	await run(
		`${RETRY_COUNTERPART}, Retry On Fail (${HTTP_RETRY.maxTries} tries, ${HTTP_RETRY.waitBetweenTries} ms)`,
		'oursRetry',
	);
	await run(BATCHING, 'httpBatch');
}

/** 3. Peak RSS: a fresh n8n per measurement, warmed up with 20 items, then one run. */
export async function memory(context, results) {
	const { n8n, mock } = context;
	say(
		`3. peak RSS of the n8n process tree at ${N_MEMORY.join(' / ')} items (mock latency ${MEMORY_LATENCY_MS} ms)`,
	);
	const mockOptions = { latencyMs: MEMORY_LATENCY_MS };
	for (const [label, id] of [
		['DecisionTelecom node, default (5)', 'oursDefault'],
		['HTTP Request node, default', 'httpDefault'],
		['Control: No Operation node instead (no requests)', 'noop'],
		[`${FLOOR}, 5`, 'floor'],
	]) {
		const row = { label, runs: [] };
		for (const count of N_MEMORY) {
			checkInterrupted();
			await n8n.stop();
			await n8n.start();
			await n8n.webhooksRegistered([id]);
			await mock.reset(mockOptions);
			await runWorkflow(n8n, id, { count: 20, concurrency: 5 });
			await sleep(1000);
			const baseline = treeRss(n8n.server.pid);
			const stopSampling = rssSampler(n8n.server.pid);
			const r = await runContender(
				context,
				`${label}, ${count} items`,
				id,
				{ count, concurrency: 5 },
				mockOptions,
				count,
			);
			const peak = stopSampling();
			row.runs.push({
				count,
				baseline,
				peak,
				ok: r.ok,
				accepted: r.mock.counters.accepted,
				seconds: r.nodeSeconds,
			});
			say(`   RSS baseline ${mb(baseline)} MB, peak ${mb(peak)} MB`);
		}
		results.s3.push(row);
	}
}
