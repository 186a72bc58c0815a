#!/usr/bin/env node
// `npm run bench`: the DecisionTelecom node at volume, in the real n8n that `npm start` uses
// (scripts/n8n/instance.mjs), against the DecisionTelecom mock (test/mock/server.js, run as its
// own process) with configurable latency and a Yii2-style rate limit, compared with n8n's HTTP
// Request node doing the same POSTs and a bare Node.js client. Reports ratios, writes
// bench/results.md and prints it. Not part of `npm test` or .ci/run.
//
// Everything listens on 127.0.0.1 (free ports). Every process it starts is stopped by PID, also on
// failure and Ctrl-C. Environment (optional): DECISIONTELECOM_N8N_CACHE (shared with npm start),
// DECISIONTELECOM_BENCH_KEEP=1 (keep the throwaway folder), DECISIONTELECOM_BENCH_NODE_OPTIONS
// (for n8n, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof); for trying the script, not for results:
// DECISIONTELECOM_BENCH_QUICK=1 (fewer items), DECISIONTELECOM_BENCH_ONLY=1,2,5 (some sections;
// prints, does not write bench/results.md). Counts of section 4: see settings.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { cleanup, isStopping, stopOnSignals, tempFolder } from '../scripts/n8n/cleanup.mjs';
import { bootN8n } from '../scripts/n8n/instance.mjs';
import { say } from '../scripts/n8n/log.mjs';
import { REPO_ROOT } from '../scripts/n8n/paths.mjs';
import { freePort } from '../scripts/n8n/ports.mjs';
import { ensureRuntime } from '../scripts/n8n/runtime.mjs';
import { startMockProcess } from './mock-process.mjs';
import { report } from './report.mjs';
import { readerSection } from './reader-section.mjs';
import { memory, rateLimit, throughput, warmUp } from './sections.mjs';
import { callbacks } from './trigger-section.mjs';
import { triggerFixtures } from './trigger-workflows.mjs';
import {
	CALLBACK_CONCURRENCY,
	LATENCY_MS,
	N_CALLBACKS,
	N_MEMORY,
	N_REPLIES,
	N_SEND,
	ONLY,
	OWNER,
	QUICK,
	RATE_LIMIT,
	elapsed,
} from './settings.mjs';
import { benchFixtures } from './workflows.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** n8n with the package and the diagnostic floor node, the mock, the workflows published. */
async function prepare(runtime) {
	const home = tempFolder('dt-bench-', () => process.env.DECISIONTELECOM_BENCH_KEEP === '1');
	fs.mkdirSync(path.join(home, 'run'), { recursive: true });
	const mock = await startMockProcess(await freePort(), path.join(home, 'run', 'mock.log'));
	say(`mock ${mock.url} (PID ${mock.pid}); folder ${home}; building and packing the package ...`);
	const sends = benchFixtures(mock.url);
	const receivers = triggerFixtures(mock.url);
	const fixtures = {
		credentials: [...sends.credentials, ...receivers.credentials],
		workflows: { ...sends.workflows, ...receivers.workflows },
	};
	const nodeOptions = process.env.DECISIONTELECOM_BENCH_NODE_OPTIONS;
	const n8n = await bootN8n({
		runtime,
		home,
		owner: OWNER,
		packages: [REPO_ROOT, path.join(HERE, 'floor-node')],
		env: nodeOptions ? { NODE_OPTIONS: nodeOptions } : {},
		fixtures,
		publish: Object.keys(fixtures.workflows),
		login: 'bench',
	});
	await n8n.webhooksRegistered(Object.keys(fixtures.workflows));
	say(`n8n ${runtime.pin.n8n} ready on ${n8n.baseUrl} (PID ${n8n.server.pid}) (${elapsed()})`);
	return { n8n, mock, workflowIds: Object.keys(sends.workflows) };
}

async function main() {
	stopOnSignals();
	const memoryItems = N_MEMORY.join(' and ');
	say(
		`bench: ${N_SEND} sends, ${LATENCY_MS} ms latency, limit ${RATE_LIMIT}/s, memory at ${memoryItems} items, ` +
			`${N_CALLBACKS} callbacks and ${N_REPLIES} replies at ${CALLBACK_CONCURRENCY}${QUICK ? ' (QUICK)' : ''}`,
	);
	const runtime = await ensureRuntime();
	const context = await prepare(runtime);
	if (ONLY.some((s) => ['1', '2', '3'].includes(s))) await warmUp(context, context.workflowIds);
	const results = { s1: [], bare: {}, s2: [], s3: [], s4: [], s5: [] };
	if (ONLY.includes('1')) await throughput(context, results);
	if (ONLY.includes('2')) await rateLimit(context, results);
	if (ONLY.includes('4')) await callbacks(context, results);
	if (ONLY.includes('3')) await memory(context, results);
	await context.n8n.stop();
	// with n8n stopped, so that only the parsers use the CPU
	if (ONLY.includes('5')) readerSection(results);
	if (ONLY.length < 5) {
		const brief = {
			s1: results.s1.map((r) => [r.label, r.nodeSeconds, results.bare[r.concurrency]?.seconds]),
			s2: results.s2.map((r) => [r.label, r.nodeSeconds, r.mock.counters]),
			s3: results.s3,
			s4: results.s4,
			s5: results.s5,
		};
		console.log(JSON.stringify(brief, null, 1));
		return;
	}
	const markdown = report(results, runtime);
	fs.writeFileSync(path.join(HERE, 'results.md'), markdown);
	fs.writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
	console.log(`\n${markdown}`);
	say(`bench finished in ${elapsed()}; written to bench/results.md and bench/results.json`);
}

main()
	.then(async () => {
		await cleanup();
		process.exit(0);
	})
	.catch(async (err) => {
		if (isStopping()) return; // the signal handler cleans up and exits
		console.error(`[bench] ERROR: ${err.stack ?? err.message}`);
		await cleanup();
		process.exit(1);
	});
