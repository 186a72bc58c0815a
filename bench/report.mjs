// bench/results.md: the three sections as Markdown tables, with the ratios and targets.
import os from 'node:os';

import { readerReport } from './reader-section.mjs';
import { callbacksReport } from './report-trigger.mjs';
import { mb } from './sections.mjs';
import {
	CONCURRENCIES,
	HTTP_BATCH,
	LATENCY_MS,
	MEMORY_LATENCY_MS,
	N_MEMORY,
	N_SEND,
	RATE_LIMIT,
	RETRY_COUNTERPART,
} from './settings.mjs';

const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const perThousand = (bytes) => (bytes / 1024 / 1024).toFixed(1);

function header(runtime) {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	return [
		'# Benchmark: sending at volume, receiving callbacks',
		'',
		`Machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${os.type()} ${os.release()}. ` +
			`n8n ${runtime.pin.n8n} on Node ${runtime.node.version}; bench client and mock on Node ${process.version}. Date: ${date}. ` +
			`Load average when the report was written: ${os
				.loadavg()
				.map((n) => n.toFixed(1))
				.join(', ')} (1, 5, 15 min).`,
		'',
		'Setup: `npm run bench` (bench/run.mjs). A real n8n (the one `npm start` uses) runs Webhook -> Code (N items) -> contender; the mock DecisionTelecom API ' +
			"(test/mock/server.js) runs as its own process on 127.0.0.1. Its rate limiter behaves like Yii2's RateLimiter: an allowance of N requests refilled " +
			'continuously at N per second, and a request finding less than 1 left gets HTTP 429 with `Retry-After` and `X-Rate-Limit-Limit/Remaining/Reset`. ' +
			'Every contender sends the same bodies to the same mock with the same settings. "Node time" is the contender node\'s own execution time as n8n records it ' +
			'(runData executionTime, read through the public API), so CLI and server start-up do not count; "mock span" is first request to last answer at the mock. ' +
			'Each workflow was warmed up once with 20 items.',
		'',
	];
}

// The DecisionTelecom node's bound on node time / bare client time, by requests in flight.
const RATIO_TARGET = { 1: 1.1, 5: 1.1, 10: 1.1, 20: 1.15 };

/** Within the ratio, and at 20 in flight also no slower than the HTTP Request node with Batching. */
function sendTarget(r, ratio, results) {
	if (!r.label.startsWith('DecisionTelecom')) return '–';
	const batching = results.s1.find((b) => b.label.startsWith('HTTP Request node, Batching'));
	const vsBatching =
		r.concurrency !== HTTP_BATCH.batchSize || !batching || r.nodeSeconds <= batching.nodeSeconds;
	return ratio <= RATIO_TARGET[r.concurrency] && vsBatching ? 'met' : 'missed';
}

function throughputRows(results) {
	return results.s1.map((r) => {
		const bare = results.bare[r.concurrency];
		const ratio = r.nodeSeconds / bare.seconds;
		const target = sendTarget(r, ratio, results);
		const inFlight = r.concurrency === N_SEND ? `all (${N_SEND})` : r.concurrency;
		return `| ${r.label} | ${inFlight} | ${f2(r.nodeSeconds)} | ${f2(r.spanSeconds)} | ${f2(bare.seconds)} | ${f2(ratio)}× | ${r.ok} | ${r.mock.counters.accepted} | ${target} |`;
	});
}

function throughputNotes(results) {
	const notes = [];
	for (const c of CONCURRENCIES.filter((c) => c > 1)) {
		const ours = results.s1.find((r) => r.label === `DecisionTelecom node, ${c}`);
		const floor = results.s1.find((r) => r.label.startsWith('Diagnostic') && r.concurrency === c);
		if (!ours || !floor) continue;
		const extra = ours.spanSeconds - floor.spanSeconds;
		notes.push(
			`- At ${c} in flight: ${f2(ours.nodeSeconds - ours.spanSeconds)} s pass before the first request (the validation pre-pass checks every item; its two ` +
				`expressions only copy item fields, so n8n's evaluator resolves each for one item), and sending takes ${f2(Math.abs(extra))} s ${extra >= 0 ? 'longer' : 'less'} than the minimal node.`,
		);
	}
	return notes;
}

function throughput(results) {
	return [
		`## 1. ${N_SEND} sends, ${LATENCY_MS} ms latency, no rate limit`,
		'',
		'Ratio = node time / bare Node.js client (plain `http`, keep-alive) time at the same concurrency. Targets for the DecisionTelecom node: ≤ 1.10 at 1, 5 and 10 in flight, ' +
			`≤ 1.15 at 20, and at ${HTTP_BATCH.batchSize} no slower than the HTTP Request node with Batching. ` +
			'The "Diagnostic" rows are a minimal node (bench/floor-node, not part of the package) that only POSTs each item with n8n\'s `this.helpers.httpRequest` ' +
			'at the same concurrency: no expressions, no credential, no validation. They show what any node pays for a request inside n8n.',
		'',
		'| Contender | In flight | Node time (s) | Mock span (s) | Bare client (s) | Ratio | Sent OK | Accepted at mock | Target |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---|',
		...throughputRows(results),
		'',
		...throughputNotes(results),
		'',
	];
}

function rateLimit(results) {
	const bound = N_SEND / RATE_LIMIT;
	const rows = results.s2.map((r) => {
		const c = r.mock.counters;
		// the Retry On Fail counterpart gives up on purpose: its promise is no duplicate
		const retryRow = r.label.startsWith(RETRY_COUNTERPART);
		const met = retryRow
			? c.duplicates === 0
			: c.accepted === N_SEND && c.duplicates === 0 && r.nodeSeconds <= 1.15 * bound;
		const target = r.label.startsWith('DecisionTelecom') ? (met ? 'met' : 'missed') : '–';
		const execution = `${r.status}${r.error ? ` (${r.error.slice(0, 60)})` : ''}`;
		return `| ${r.label} | ${f2(r.nodeSeconds)} | ${f2(r.nodeSeconds / bound)}× | ${c.accepted} | ${c.duplicates} | ${c.rateLimited} | ${r.ok} | ${r.failed} | ${execution} | ${target} |`;
	});
	return [
		`## 2. ${N_SEND} sends against a limit of ${RATE_LIMIT} requests/s`,
		'',
		`Bound: ${N_SEND} / ${RATE_LIMIT} per s = ${bound} s. Targets for the DecisionTelecom node: exactly ${N_SEND} accepted, 0 duplicates, time ≤ 1.15 × ${bound} s; for its Retry On Fail row, which gives up on every 429 as the HTTP Request node does, 0 duplicates.`,
		'',
		'| Contender | Node time (s) | Time / bound | Accepted | Duplicates | 429 answers | Items OK | Items failed | Execution | Target |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
		...rows,
		'',
	];
}

function memoryConclusion(results, growth) {
	const [ours, http, control, floor] = results.s3.map((r) => r.label);
	const beyondControl = (label) => perThousand(Math.max(0, growth[label] - growth[control]));
	return (
		`Memory target: ${growth[ours] <= growth[http] ? 'met' : 'missed'} (${perThousand(growth[ours])} vs ${perThousand(growth[http])} MB per 1,000 items). ` +
		`The control shows what n8n itself needs per 1,000 items passing through a workflow (${perThousand(growth[control])} MB: items, execution data, saving it); ` +
		`beyond it the DecisionTelecom node adds ${beyondControl(ours)} MB and the HTTP Request node ${beyondControl(http)} MB. ` +
		`The minimal node that only calls n8n's httpRequest helper (5 at a time, like ours) grows ${perThousand(growth[floor])} MB per 1,000 items. ` +
		'RSS peaks also depend on when V8 collects garbage, so differences of a few MB are noise.'
	);
}

function memory(results) {
	const growth = {};
	const rows = results.s3.map(({ label, runs: [a, b] }) => {
		growth[label] = (b.peak - a.peak) / ((b.count - a.count) / 1000);
		return `| ${label} | ${mb(a.baseline)} / ${mb(b.baseline)} | ${mb(a.peak)} | ${mb(b.peak)} | ${perThousand(growth[label])} | ${a.ok} / ${b.ok} | ${f2(a.seconds)} / ${f2(b.seconds)} |`;
	});
	const [small, large] = N_MEMORY;
	return [
		'## 3. Peak memory (RSS of the n8n process tree, sampled every 100 ms)',
		'',
		`A fresh n8n per measurement, warmed up with 20 items; mock latency ${MEMORY_LATENCY_MS} ms, no rate limit. Growth per 1,000 items = (peak at ${large} − peak at ${small}) / ${(large - small) / 1000}. ` +
			'Target: the DecisionTelecom node grows no more than the HTTP Request node.',
		'',
		`| Contender | Baseline (MB) | Peak ${small} (MB) | Peak ${large} (MB) | Growth per 1,000 items (MB) | Sent OK (${small} / ${large}) | Node time (${small} / ${large}, s) |`,
		'|---|---:|---:|---:|---:|---:|---:|',
		...rows,
		'',
		memoryConclusion(results, growth),
		'',
	];
}

export function report(results, runtime) {
	return `${[...header(runtime), ...throughput(results), ...rateLimit(results), ...memory(results), ...callbacksReport(results), ...readerReport(results)].join('\n')}\n`;
}
