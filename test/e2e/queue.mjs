#!/usr/bin/env node
// `npm run test:e2e:queue`: the package in a real n8n (the default line of scripts/n8n/versions.mjs)
// in queue mode on 127.0.0.1: a private PostgreSQL and Redis, one main process, two workers and one
// webhook process (scripts/n8n/queue.mjs), against the DecisionTelecom mock. Executions start
// through Production URLs on the webhook process; results are read through main's public API,
// the database, every process's log and the mock's request log. The checks are in queue/ and in
// the scenarios of the single-instance suite that matter for scale-out (the trigger, Send and
// Wait); the last line printed is always `N passed, N failed`, and the exit code is 1 if anything
// failed.
//
// Environment (optional): DECISIONTELECOM_N8N_CACHE, DECISIONTELECOM_E2E_KEEP=1 (keep the
// throwaway folder), DECISIONTELECOM_E2E_TIMEOUT (s, default 1200, after the install).
import { createRequire } from 'node:module';
import path from 'node:path';

import { onCleanup, tempFolder } from '../../scripts/n8n/cleanup.mjs';
import { say } from '../../scripts/n8n/log.mjs';
import { bootQueue } from '../../scripts/n8n/queue.mjs';
import { ensureRuntime } from '../../scripts/n8n/runtime.mjs';
import { ACCESS_KEY, OWNER, PKG, credentials } from './fixtures.mjs';
import { anyFailed, check, runSuite, startWatchdog, stopOnInterruption } from './harness.mjs';
import { queueFacade } from './queue/facade.mjs';
import scenarios from './queue/index.mjs';

const { startMock } = createRequire(import.meta.url)('../mock/server.js');
const setting = (name) => process.env[`DECISIONTELECOM_E2E_${name}`];

async function boot(runtime, home, mock, netlog) {
	const workflows = Object.assign({}, ...scenarios.map((s) => s.workflows?.() ?? {}));
	let cluster;
	await check(
		'PostgreSQL, Redis, main, two workers and a webhook process start and are ready',
		async () => {
			cluster = await bootQueue({
				runtime,
				home,
				owner: OWNER,
				netlog,
				fixtures: { credentials: credentials(mock.url), workflows },
				activate: scenarios.flatMap((s) => s.publish ?? []),
				// a killed worker's execution fails sooner (n8n's defaults: 60 s, 10 s, 30 s)
				workerEnv: {
					QUEUE_WORKER_LOCK_DURATION: '15000',
					QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
					QUEUE_WORKER_STALLED_INTERVAL: '10000',
				},
			});
			const pids = cluster.processes.map((p) => `${p.name} ${p.server.pid}`);
			say(
				`ready: postgres ${cluster.pg.proc.pid}, redis ${cluster.redis.proc.pid}, ${pids.join(', ')}`,
			);
		},
	);
	return cluster;
}

runSuite(async () => {
	const started = Date.now();
	stopOnInterruption();
	const runtime = await ensureRuntime();
	say(`e2e in queue mode: n8n ${runtime.pin.n8n}, package ${PKG}`);
	startWatchdog(Number(setting('TIMEOUT') || 1200));
	const home = tempFolder('dt-e2e-queue-', () => setting('KEEP') === '1' || anyFailed());
	const netlog = path.join(home, 'netlog.jsonl');
	const mock = await startMock({
		port: 0,
		apiKey: ACCESS_KEY,
		startMessageId: '9007199254740993',
		logFile: path.join(home, 'mock-requests.jsonl'),
	});
	onCleanup(() => mock.close());
	say(`mock ${mock.url}, folder ${home}; booting the cluster (1 to 6 minutes) ...`);
	console.log('\nchecks:');
	const cluster = await boot(runtime, home, mock, netlog);
	if (!cluster) return;
	const context = { check, cluster, n8n: queueFacade(cluster), mock, netlog };
	for (const scenario of scenarios.filter((s) => s.phase !== 'after')) await scenario.run(context);
	say('stopping the n8n processes ...');
	await cluster.stopN8n();
	// with the database still up: it is searched for secrets
	for (const scenario of scenarios.filter((s) => s.phase === 'after')) await scenario.run(context);
	await cluster.stop();
	say(`e2e in queue mode finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
