#!/usr/bin/env node
// `npm run test:e2e [-- --n8n <line>] [--only <scenario,...>]`: the package, freshly built and
// packed, in a real n8n of a pinned line (scripts/n8n/versions.mjs; default 2, `--n8n 1` for n8n
// 1.x) on 127.0.0.1 against the DecisionTelecom mock (test/mock/server.js). Results are read only
// through n8n's CLI, its public API, its database and the mock's request log. The checks are in
// scenarios/ (scenarios/index.mjs says how to add one); the last line printed is always
// `N passed, N failed`, and the exit code is 1 if anything failed.
//
// Environment (optional): DECISIONTELECOM_N8N_CACHE (shared with npm start),
// DECISIONTELECOM_E2E_PORT / _BROKER_PORT / _EXEC_BROKER_PORT / _MOCK_PORT (default: free ports),
// DECISIONTELECOM_E2E_KEEP=1 (keep the throwaway folder), DECISIONTELECOM_E2E_TIMEOUT (s, default 900, after the install).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

import { onCleanup, tempFolder } from '../../scripts/n8n/cleanup.mjs';
import { createInstance } from '../../scripts/n8n/instance.mjs';
import { say } from '../../scripts/n8n/log.mjs';
import { ensureRuntime } from '../../scripts/n8n/runtime.mjs';
import { pinOf } from '../../scripts/n8n/versions.mjs';
import { ACCESS_KEY, OWNER, PKG, credentials } from './fixtures.mjs';
import { anyFailed, check, runSuite, startWatchdog, stopOnInterruption } from './harness.mjs';
import allScenarios, { byName } from './scenarios/index.mjs';

const { startMock } = createRequire(import.meta.url)('../mock/server.js');
const setting = (name) => process.env[`DECISIONTELECOM_E2E_${name}`];
const portSetting = (name) => (setting(name) ? Number(setting(name)) : undefined);

/** The value of `--<name> <value>` or `--<name>=<value>` on the command line. */
function argument(name, argv = process.argv.slice(2)) {
	const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (at < 0) return undefined;
	return argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
}

/** The scenarios to run: all, or those `--only send,trigger` names (scenarios/index.mjs). */
function chosenScenarios() {
	const only = argument('only')?.split(',');
	if (!only) return allScenarios;
	const unknown = only.filter((name) => !byName[name]);
	if (unknown.length) throw new Error(`unknown scenario ${unknown}; known: ${Object.keys(byName)}`);
	return allScenarios.filter((s) => only.some((name) => byName[name] === s));
}

const scenarios = chosenScenarios();

/** The runtime, a throwaway n8n instance with the package, and the mock. */
async function prepare(started, line) {
	const runtime = await ensureRuntime(line);
	say(`runtime ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	// the install above may take minutes on a cold cache; the suite itself gets this long
	startWatchdog(Number(setting('TIMEOUT') || 900));
	const home = tempFolder('dt-e2e-', () => setting('KEEP') === '1' || anyFailed());
	const netlog = path.join(home, 'run', 'netlog.jsonl');
	const ports = {
		port: portSetting('PORT'),
		brokerPort: portSetting('BROKER_PORT'),
		cliBrokerPort: portSetting('EXEC_BROKER_PORT'),
	};
	say('building and packing the package ...');
	const n8n = await createInstance({ runtime, home, owner: OWNER, ports, netlog });
	say(
		`installed ${n8n.installed.map((p) => `${p.name}@${p.version}`).join(', ')} into ${n8n.userFolder}`,
	);
	const mock = await startMock({
		port: portSetting('MOCK_PORT') ?? 0,
		apiKey: ACCESS_KEY,
		startMessageId: '9007199254740993',
		logFile: path.join(n8n.runDir, 'mock-requests.jsonl'),
	});
	onCleanup(() => mock.close());
	say(
		`mock ${mock.url}, n8n ${n8n.baseUrl}, broker ${n8n.env.N8N_RUNNERS_BROKER_PORT}, CLI broker ${n8n.cliEnv.N8N_RUNNERS_BROKER_PORT}, folder ${home}`,
	);
	return { check, n8n, mock, netlog };
}

async function runPhase(phase, context) {
	for (const scenario of scenarios.filter((s) => s.phase === phase)) await scenario.run(context);
}

async function importFixtures({ n8n, mock }) {
	const workflows = Object.assign({}, ...scenarios.map((s) => s.workflows?.() ?? {}));
	await check('import credentials and workflows with the n8n CLI', async () => {
		await n8n.importFixtures({ credentials: credentials(mock.url), workflows });
		const rows = n8n.sql('select id from workflow_entity order by id');
		assert.deepEqual(rows.map((r) => r.id).sort(), Object.keys(workflows).sort());
	});
}

async function serverPhase(context) {
	const { n8n } = context;
	await check('publish the trigger workflows with the CLI', () =>
		n8n.publish(scenarios.flatMap((s) => s.publish ?? [])),
	);
	say('starting the n8n server ...');
	await check('n8n server starts and is ready', async () => {
		const server = await n8n.start();
		say(`server ready (PID ${server.pid})`);
	});
	if (!n8n.server) return;
	await check('owner login and public-API key', async () => {
		await n8n.login('e2e');
		await n8n.api('workflows?limit=1');
	});
	await runPhase('server', context);
	say('stopping the n8n server ...');
	await n8n.stop();
}

runSuite(async () => {
	const started = Date.now();
	stopOnInterruption();
	const line = argument('n8n');
	const only = scenarios.length < allScenarios.length ? ` (only ${argument('only')})` : '';
	say(`e2e: n8n ${pinOf(line).n8n}, package ${PKG}${only}`);
	const context = await prepare(started, line);
	console.log('\nchecks:');
	await importFixtures(context);
	await runPhase('cli', context);
	await serverPhase(context);
	await runPhase('after', context);
	say(`e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
