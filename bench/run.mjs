#!/usr/bin/env node
// `npm run bench`: the DecisionTelecom node at volume, in the real n8n that `npm start` uses
// (same installer and cache: scripts/n8n/lib.mjs), against the DecisionTelecom mock
// (test/mock/server.js, run as its own process) with configurable latency and a Yii2-style rate
// limit, compared with n8n's HTTP Request node doing the same POSTs and a bare Node.js client.
// Reports ratios, writes bench/results.md and prints it. Not part of `npm test` or .ci/run.
//
// Everything listens on 127.0.0.1 (free ports). Every process it starts is stopped by PID, also on
// failure and Ctrl-C. Environment (optional): DECISIONTELECOM_N8N_CACHE (shared with npm start),
// DECISIONTELECOM_BENCH_KEEP=1 (keep the throwaway folder); for trying the script, not for results:
// DECISIONTELECOM_BENCH_QUICK=1 (fewer items), DECISIONTELECOM_BENCH_ONLY=1,2 (some sections; prints,
// does not write bench/results.md).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	N8N_VERSION,
	bcryptHash,
	buildAndPack,
	createApiKey,
	ensureRuntime,
	freePort,
	installPackage,
	n8nCli,
	n8nEnv,
	say,
	sleep,
	startServer,
} from '../scripts/n8n/lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const QUICK = process.env.DECISIONTELECOM_BENCH_QUICK === '1';
const ONLY = (process.env.DECISIONTELECOM_BENCH_ONLY || '1,2,3').split(',');

const ACCESS_KEY = 'benchAccessKey5d2e8a';
const AUTHORIZATION = `Basic ${Buffer.from(ACCESS_KEY).toString('base64')}`;
const OWNER_EMAIL = 'bench-owner@example.com';
const OWNER_PASSWORD = 'Bench-owner-password-1';
const CRED = { id: 'dtBenchCredMock1', name: 'DecisionTelecom (bench mock)' };

const N_SEND = QUICK ? 200 : 1000;
const N_MEMORY = QUICK ? [200, 2000] : [1000, 10000];
const LATENCY_MS = 50;
const RATE_LIMIT = 100;
const CONCURRENCIES = [1, 5, 10, 20];
const HTTP_BATCH = { batchSize: 20, batchInterval: 50 };
const HTTP_RETRY = { maxTries: 3, waitBetweenTries: 1000 };
const MEMORY_LATENCY_MS = 5;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

// ---------------------------------------------------------------------------------------------
// cleanup of everything we started

const cleanups = [];
let cleaning;
function cleanup() {
	cleaning ??= (async () => {
		for (const fn of cleanups.reverse()) {
			try {
				await fn();
			} catch (err) {
				console.log(`  (cleanup: ${err.message})`);
			}
		}
	})();
	return cleaning;
}
let interrupted = false;
const checkInterrupted = () => {
	if (interrupted) throw new Error('interrupted');
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
	process.on(signal, async () => {
		interrupted = true;
		console.log(`\n${signal}: stopping everything the bench started`);
		await cleanup();
		process.exit(130);
	});

// ---------------------------------------------------------------------------------------------
// the mock, as a separate process controlled over HTTP

async function startMockProcess(port, logFile) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(process.execPath, [path.join(REPO, 'test', 'mock', 'server.js'), '--port', String(port), '--api-key', ACCESS_KEY], {
		stdio: ['ignore', out, out],
	});
	cleanups.push(async () => {
		if (child.exitCode === null && child.signalCode === null) {
			process.kill(child.pid, 'SIGTERM');
			await new Promise((resolve) => child.once('exit', resolve));
		}
		fs.closeSync(out);
	});
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${url}/health`)).ok) break;
		} catch {
			/* not yet */
		}
		await sleep(100);
	}
	const control = async (method, pathname, body) => {
		const res = await fetch(`${url}/__control/${pathname}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!res.ok) throw new Error(`mock ${pathname}: HTTP ${res.status}`);
		return res.json();
	};
	return {
		url,
		pid: child.pid,
		reset: (options) => control('POST', 'reset', options),
		summary: () => control('GET', 'summary'),
	};
}

// ---------------------------------------------------------------------------------------------
// what is sent: the same body by every contender

const recipientOf = (i) => `3805${String(i).padStart(8, '0')}`;
const sendBody = (i) => ({ source_addr: 'Shop', destination_addr: recipientOf(i), message_type: 106, source_type: 2, text: `Order ${i} is ready` });

// ---------------------------------------------------------------------------------------------
// workflows: Webhook (POST {count, concurrency}) -> Code (count items) -> contender

let nodeSeq = 0;
const uuid = () => crypto.randomUUID();

function benchWorkflow(id, contender) {
	const webhook = {
		id: uuid(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: uuid(),
		parameters: { httpMethod: 'POST', path: `bench-${id}`, responseMode: 'lastNode', responseData: 'noData', options: {} },
	};
	const items = {
		id: uuid(),
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, 0],
		parameters: {
			jsCode:
				"const n = Number($input.first().json.body.count);\n" +
				"return Array.from({ length: n }, (_, i) => ({ json: { recipient: '3805' + String(i).padStart(8, '0'), n: i } }));",
		},
	};
	nodeSeq++;
	const node = { id: uuid(), name: 'Contender', position: [400, 0], ...contender };
	return {
		id,
		name: `Bench ${id}`,
		active: false,
		nodes: [webhook, items, node],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Contender', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all', saveManualExecutions: true },
		pinData: {},
	};
}

function oursNode(options) {
	return {
		type: 'n8n-nodes-decisiontelecom.decisionTelecom',
		typeVersion: 1,
		parameters: {
			resource: 'viberMessage',
			operation: 'send',
			sender: 'Shop',
			recipient: '={{ $json.recipient }}',
			messageKind: 'text',
			category: 'transactional',
			text: '=Order {{ $json.n }} is ready',
			additionalFields: {},
			options,
		},
		credentials: { decisionTelecomApi: CRED },
	};
}

function httpNode(mockUrl, options, settings = {}) {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${mockUrl}/v1/api/send-viber`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: AUTHORIZATION }] },
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody:
				"={{ JSON.stringify({ source_addr: 'Shop', destination_addr: $json.recipient, message_type: 106, source_type: 2, text: 'Order ' + $json.n + ' is ready' }) }}",
			options,
		},
		...settings,
	};
}

function buildWorkflows(mockUrl) {
	return {
		oursDefault: benchWorkflow('oursDefault', oursNode({})),
		oursC: benchWorkflow('oursC', oursNode({ maxConcurrentRequests: '={{ $("Webhook").first().json.body.concurrency }}' })),
		httpDefault: benchWorkflow('httpDefault', httpNode(mockUrl, {})),
		httpBatch: benchWorkflow('httpBatch', httpNode(mockUrl, { batching: { batch: HTTP_BATCH } })),
		httpRetry: benchWorkflow('httpRetry', httpNode(mockUrl, {}, { retryOnFail: true, ...HTTP_RETRY })),
		// diagnostic: the least any node can do inside n8n (bench/floor-node), same concurrency
		floor: benchWorkflow('floor', {
			type: 'n8n-nodes-benchfloor.benchFloor',
			typeVersion: 1,
			parameters: {
				url: `${mockUrl}/v1/api/send-viber`,
				authorization: AUTHORIZATION,
				concurrency: '={{ $("Webhook").first().json.body.concurrency }}',
			},
		}),
		// control for the memory runs: what n8n itself needs for N items, without any request
		noop: benchWorkflow('noop', { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} }),
	};
}

// ---------------------------------------------------------------------------------------------
// RSS of a process tree, from /proc

function processTree(rootPid) {
	const parent = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parent.set(Number(entry), Number(fields[1]));
		} catch {
			/* gone */
		}
	}
	const tree = [rootPid];
	for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parent) if (ppid === tree[i]) tree.push(pid);
	return tree;
}

const PAGE = 4096;
function treeRss(rootPid) {
	let total = 0;
	for (const pid of processTree(rootPid)) {
		try {
			total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
		} catch {
			/* gone */
		}
	}
	return total;
}

function rssSampler(rootPid, everyMs = 100) {
	let peak = treeRss(rootPid);
	const timer = setInterval(() => {
		peak = Math.max(peak, treeRss(rootPid));
	}, everyMs);
	return () => {
		clearInterval(timer);
		return Math.max(peak, treeRss(rootPid));
	};
}

// ---------------------------------------------------------------------------------------------
// bare Node.js client: plain http, keep-alive, `concurrency` requests in flight

async function bareClient(mockUrl, count, concurrency) {
	const url = new URL(`${mockUrl}/v1/api/send-viber`);
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const post = (i) =>
		new Promise((resolve, reject) => {
			const body = JSON.stringify(sendBody(i));
			const req = http.request(
				{
					host: url.hostname,
					port: url.port,
					path: url.pathname,
					method: 'POST',
					agent,
					headers: { authorization: AUTHORIZATION, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
				},
				(res) => {
					let text = '';
					res.setEncoding('utf8');
					res.on('data', (c) => (text += c));
					res.on('end', () => resolve({ status: res.statusCode, text }));
				},
			);
			req.on('error', reject);
			req.end(body);
		});
	let next = 0;
	let ok = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: Math.min(concurrency, count) }, async () => {
			while (next < count) {
				const r = await post(next++);
				if (r.status === 200 && r.text.includes('message_id')) ok++;
			}
		}),
	);
	const seconds = (performance.now() - t0) / 1000;
	agent.destroy();
	return { seconds, ok };
}

// ---------------------------------------------------------------------------------------------
// running a workflow in n8n

function makeN8n({ node, userFolder, runDir }) {
	const state = { server: undefined, apiKey: undefined, base: undefined, starts: 0 };
	const api = async (method, pathname, body) => {
		const res = await fetch(`${state.base}api/v1/${pathname}`, {
			method,
			headers: { 'X-N8N-API-KEY': state.apiKey, accept: 'application/json', 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} /api/v1/${pathname}: HTTP ${res.status} ${text.slice(0, 500)}`);
		return JSON.parse(text);
	};
	const env = async () =>
		n8nEnv({
			node,
			userFolder,
			port: await freePort(),
			brokerPort: await freePort(),
			ownerEmail: OWNER_EMAIL,
			ownerPasswordHash: state.passwordHash ?? (state.passwordHash = bcryptHash(node, OWNER_PASSWORD)),
			encryptionKey: 'bench-not-secret-encryption-key-001',
			// e.g. --cpu-prof --cpu-prof-dir=/tmp/prof, to see where n8n spends its time
			extra: process.env.DECISIONTELECOM_BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.DECISIONTELECOM_BENCH_NODE_OPTIONS } : {},
		});
	return {
		env,
		api,
		get pid() {
			return state.server?.pid;
		},
		async start() {
			const e = await env();
			state.starts++;
			const t0 = Date.now();
			state.server = await startServer({ node, env: e, logFile: path.join(runDir, `n8n-server-${state.starts}.log`) });
			const server = state.server;
			cleanups.push(() => server.stop());
			state.base = `http://127.0.0.1:${e.N8N_PORT}/`;
			if (!state.apiKey) ({ apiKey: state.apiKey } = await createApiKey(state.base, OWNER_EMAIL, OWNER_PASSWORD, 'bench'));
			say(`n8n ${N8N_VERSION} ready on ${state.base} in ${((Date.now() - t0) / 1000).toFixed(1)} s (PID ${server.pid})`);
		},
		async stop() {
			if (state.server) await state.server.stop();
			state.server = undefined;
		},
		/** POSTs the webhook, waits for the execution to be saved; returns the execution with data. */
		async run(workflowId, body) {
			const before = await api('GET', `executions?workflowId=${workflowId}&limit=1`);
			const lastId = before.data[0] ? Number(before.data[0].id) : 0;
			const res = await fetch(`${state.base}webhook/bench-${workflowId}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(900000),
			});
			await res.text();
			for (let i = 0; ; i++) {
				const list = await api('GET', `executions?workflowId=${workflowId}&limit=1`);
				const e = list.data[0];
				if (e && Number(e.id) > lastId && e.stoppedAt && e.status !== 'running' && e.status !== 'new') {
					return api('GET', `executions/${e.id}?includeData=true`);
				}
				if (i > 600) throw new Error(`no finished execution of ${workflowId} after 60 s`);
				await sleep(100);
			}
		},
	};
}

function contenderResult(execution, count) {
	const task = execution.data?.resultData?.runData?.Contender?.at(-1);
	const items = task?.data?.main?.[0] ?? [];
	const errorItems = items.filter((i) => i.json?.error !== undefined).length;
	const nodeFailed = Boolean(task?.error);
	return {
		status: execution.status,
		nodeSeconds: task ? task.executionTime / 1000 : NaN,
		executionSeconds: (Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt)) / 1000,
		results: items.length,
		ok: items.length - errorItems,
		failed: nodeFailed ? count - (items.length - errorItems) : errorItems,
		error: task?.error?.message,
	};
}

const spanSeconds = (s) => (s.lastRespondedAt - s.firstReceivedAt) / 1000;

// ---------------------------------------------------------------------------------------------

async function main() {
	say(`bench: ${N_SEND} sends, ${LATENCY_MS} ms latency, limit ${RATE_LIMIT}/s, memory at ${N_MEMORY.join(' and ')} items${QUICK ? ' (QUICK)' : ''}`);
	const { node } = await ensureRuntime();
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-bench-'));
	const userFolder = path.join(home, 'user');
	const runDir = path.join(home, 'run');
	fs.mkdirSync(runDir, { recursive: true });
	fs.mkdirSync(userFolder, { recursive: true });
	cleanups.push(() => {
		if (process.env.DECISIONTELECOM_BENCH_KEEP === '1') console.log(`  (kept ${home})`);
		else fs.rmSync(home, { recursive: true, force: true });
	});

	say('building and packing the package ...');
	const tgz = await buildAndPack(path.join(home, 'pack'), { logFile: path.join(runDir, 'build.log') });
	await installPackage(userFolder, tgz, node);
	// the diagnostic floor node, packed and installed the same way
	const floorPack = spawnSync('npm', ['pack', '--json', '--pack-destination', path.join(home, 'pack')], {
		cwd: path.join(HERE, 'floor-node'),
		encoding: 'utf8',
	});
	if (floorPack.status !== 0) throw new Error(`npm pack bench/floor-node failed:\n${floorPack.stderr}`);
	const floorTgz = path.join(home, 'pack', JSON.parse(floorPack.stdout.slice(floorPack.stdout.indexOf('[')))[0].filename);
	await installPackage(userFolder, floorTgz, node);

	const mock = await startMockProcess(await freePort(), path.join(runDir, 'mock.log'));
	say(`mock ${mock.url} (PID ${mock.pid}); folder ${home}`);

	const n8n = makeN8n({ node, userFolder, runDir });
	const cliEnv = { ...(await n8n.env()) };
	cleanups.push(async () => {
		for (const child of n8nCli.children) {
			try {
				process.kill(child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
	});
	const workflows = buildWorkflows(mock.url);
	const fixtures = path.join(home, 'fixtures');
	fs.mkdirSync(path.join(fixtures, 'workflows'), { recursive: true });
	fs.writeFileSync(
		path.join(fixtures, 'credentials.json'),
		JSON.stringify([{ ...CRED, type: 'decisionTelecomApi', data: { apiKey: ACCESS_KEY, baseUrl: `${mock.url}/v1/api`, callbackSecret: '', defaultCallbackUrl: '' } }]),
	);
	for (const [id, wf] of Object.entries(workflows)) fs.writeFileSync(path.join(fixtures, 'workflows', `${id}.json`), JSON.stringify(wf));
	const cliLog = path.join(runDir, 'cli.log');
	for (const args of [
		['import:credentials', `--input=${path.join(fixtures, 'credentials.json')}`],
		['import:workflow', '--separate', `--input=${path.join(fixtures, 'workflows')}`],
	]) {
		const r = await n8nCli(node, cliEnv, args, { logFile: cliLog });
		if (r.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${r.stdout}${r.stderr}`);
	}

	await n8n.start();
	for (const id of Object.keys(workflows)) await n8n.api('POST', `workflows/${id}/activate`);

	const results = { s1: [], bare: {}, s2: [], s3: [] };
	const runContender = async (label, workflowId, body, mockOptions, count) => {
		checkInterrupted();
		await mock.reset(mockOptions);
		const execution = await n8n.run(workflowId, body);
		const summary = await mock.summary();
		const r = { label, ...contenderResult(execution, count), mock: summary, spanSeconds: spanSeconds(summary) };
		say(
			`${label}: node ${r.nodeSeconds.toFixed(2)} s, mock span ${r.spanSeconds.toFixed(2)} s, execution ${r.executionSeconds.toFixed(2)} s, ` +
				`${r.ok}/${count} ok, accepted ${summary.counters.accepted}, duplicates ${summary.counters.duplicates}, 429s ${summary.counters.rateLimited} (${elapsed()})`,
		);
		return r;
	};

	// warm-up: every workflow once with a few items (JIT, module loading, first DB writes)
	say('warm-up ...');
	for (const id of Object.keys(workflows)) {
		await mock.reset({ latencyMs: 0 });
		await n8n.run(id, { count: 20, concurrency: 5 });
	}
	await bareClient(mock.url, 200, 5);

	// 1. throughput, no rate limit
	if (ONLY.includes('1')) {
	say(`1. ${N_SEND} sends, ${LATENCY_MS} ms latency, no rate limit`);
	const s1Mock = { latencyMs: LATENCY_MS };
	const bareConcurrencies = [...CONCURRENCIES, N_SEND];
	for (const c of bareConcurrencies) {
		checkInterrupted();
		await mock.reset(s1Mock);
		const b = await bareClient(mock.url, N_SEND, c);
		const summary = await mock.summary();
		results.bare[c] = { ...b, spanSeconds: spanSeconds(summary), accepted: summary.counters.accepted };
		say(`bare client c=${c}: ${b.seconds.toFixed(2)} s, ${b.ok} ok (${elapsed()})`);
	}
	results.s1.push({ ...(await runContender('DecisionTelecom node, default (5)', 'oursDefault', { count: N_SEND }, s1Mock, N_SEND)), concurrency: 5 });
	for (const c of CONCURRENCIES) {
		results.s1.push({ ...(await runContender(`DecisionTelecom node, ${c}`, 'oursC', { count: N_SEND, concurrency: c }, s1Mock, N_SEND)), concurrency: c });
	}
	for (const c of CONCURRENCIES.filter((c) => c > 1)) {
		results.s1.push({
			...(await runContender(`Diagnostic: minimal node, n8n's httpRequest helper only, ${c}`, 'floor', { count: N_SEND, concurrency: c }, s1Mock, N_SEND)),
			concurrency: c,
		});
	}
	results.s1.push({ ...(await runContender('HTTP Request node, default (all items at once)', 'httpDefault', { count: N_SEND }, s1Mock, N_SEND)), concurrency: N_SEND });
	results.s1.push({
		...(await runContender(`HTTP Request node, Batching ${HTTP_BATCH.batchSize} items / ${HTTP_BATCH.batchInterval} ms`, 'httpBatch', { count: N_SEND }, s1Mock, N_SEND)),
		concurrency: HTTP_BATCH.batchSize,
	});
	}

	// 2. rate limit
	if (ONLY.includes('2')) {
	say(`2. ${N_SEND} sends against ${RATE_LIMIT} requests/s`);
	const s2Mock = { latencyMs: 0, rateLimitPerSecond: RATE_LIMIT };
	results.s2.push(await runContender('DecisionTelecom node, default (5)', 'oursDefault', { count: N_SEND }, s2Mock, N_SEND));
	results.s2.push(await runContender('DecisionTelecom node, 20', 'oursC', { count: N_SEND, concurrency: 20 }, s2Mock, N_SEND));
	results.s2.push(
		await runContender(`HTTP Request node, Retry On Fail (${HTTP_RETRY.maxTries} tries, ${HTTP_RETRY.waitBetweenTries} ms)`, 'httpRetry', { count: N_SEND }, s2Mock, N_SEND),
	);
	results.s2.push(
		await runContender(`HTTP Request node, Batching ${HTTP_BATCH.batchSize} items / ${HTTP_BATCH.batchInterval} ms`, 'httpBatch', { count: N_SEND }, s2Mock, N_SEND),
	);
	}

	// 3. memory: a fresh n8n per measurement, warmed up with 20 items, then one run
	if (ONLY.includes('3')) {
	say(`3. peak RSS of the n8n process tree at ${N_MEMORY.join(' / ')} items (mock latency ${MEMORY_LATENCY_MS} ms)`);
	for (const [label, id] of [
		['DecisionTelecom node, default (5)', 'oursDefault'],
		['HTTP Request node, default', 'httpDefault'],
		['Control: No Operation node instead (no requests)', 'noop'],
		["Diagnostic: minimal node, n8n's httpRequest helper only, 5", 'floor'],
	]) {
		const row = { label, runs: [] };
		for (const count of N_MEMORY) {
			checkInterrupted();
			await n8n.stop();
			await n8n.start();
			await mock.reset({ latencyMs: MEMORY_LATENCY_MS });
			await n8n.run(id, { count: 20, concurrency: 5 });
			await sleep(1000);
			const baseline = treeRss(n8n.pid);
			const stopSampling = rssSampler(n8n.pid);
			const r = await runContender(`${label}, ${count} items`, id, { count, concurrency: 5 }, { latencyMs: MEMORY_LATENCY_MS }, count);
			const peak = stopSampling();
			row.runs.push({ count, baseline, peak, ok: r.ok, accepted: r.mock.counters.accepted, seconds: r.nodeSeconds });
			say(`   RSS baseline ${mb(baseline)} MB, peak ${mb(peak)} MB`);
		}
		results.s3.push(row);
	}
	}
	await n8n.stop();

	if (ONLY.length < 3) {
		console.log(JSON.stringify({ s1: results.s1.map((r) => [r.label, r.nodeSeconds, results.bare[r.concurrency]?.seconds]), s2: results.s2.map((r) => [r.label, r.nodeSeconds, r.mock.counters]), s3: results.s3 }, null, 1));
		return;
	}
	const markdown = report(results, node);
	fs.writeFileSync(path.join(HERE, 'results.md'), markdown);
	console.log(`\n${markdown}`);
	say(`bench finished in ${elapsed()}; written to bench/results.md`);
}

// ---------------------------------------------------------------------------------------------
// report

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');

function report(results, node) {
	const lines = [];
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	lines.push('# Benchmark: sending at volume');
	lines.push('');
	lines.push(
		`Machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${os.type()} ${os.release()}. ` +
			`n8n ${N8N_VERSION} on Node ${node.version}; bench client and mock on Node ${process.version}. Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}.`,
	);
	lines.push('');
	lines.push(
		'Setup: `npm run bench` (bench/run.mjs). A real n8n (the one `npm start` uses) runs Webhook -> Code (N items) -> contender; the mock DecisionTelecom API ' +
			'(test/mock/server.js) runs as its own process on 127.0.0.1. Its rate limiter behaves like Yii2\'s RateLimiter: an allowance of N requests refilled ' +
			'continuously at N per second, and a request finding less than 1 left gets HTTP 429 with `Retry-After` and `X-Rate-Limit-Limit/Remaining/Reset`. ' +
			'Every contender sends the same bodies to the same mock with the same settings. "Node time" is the contender node\'s own execution time as n8n records it ' +
			'(runData executionTime, read through the public API), so CLI and server start-up do not count; "mock span" is first request to last answer at the mock. ' +
			'Each workflow was warmed up once with 20 items.',
	);
	lines.push('');
	lines.push(`## 1. ${N_SEND} sends, ${LATENCY_MS} ms latency, no rate limit`);
	lines.push('');
	lines.push(
		'Ratio = node time / bare Node.js client (plain `http`, keep-alive) time at the same concurrency. Target: ≤ 1.25. ' +
			'The "Diagnostic" rows are a minimal node (bench/floor-node, not part of the package) that only POSTs each item with n8n\'s `this.helpers.httpRequest` ' +
			'at the same concurrency: no expressions, no credential, no validation. They show what any node pays for a request inside n8n.',
	);
	lines.push('');
	lines.push('| Contender | In flight | Node time (s) | Mock span (s) | Bare client (s) | Ratio | Sent OK | Accepted at mock | Target |');
	lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|');
	for (const r of results.s1) {
		const bare = results.bare[r.concurrency];
		const ratio = r.nodeSeconds / bare.seconds;
		const ours = r.label.startsWith('DecisionTelecom');
		lines.push(
			`| ${r.label} | ${r.concurrency === N_SEND ? `all (${N_SEND})` : r.concurrency} | ${f2(r.nodeSeconds)} | ${f2(r.spanSeconds)} | ${f2(bare.seconds)} | ${f2(ratio)}× | ${r.ok} | ${r.mock.counters.accepted} | ${ours ? (ratio <= 1.25 ? 'met' : 'missed') : '–'} |`,
		);
	}
	lines.push('');
	for (const c of CONCURRENCIES.filter((c) => c > 1)) {
		const ours = results.s1.find((r) => r.label === `DecisionTelecom node, ${c}`);
		const floor = results.s1.find((r) => r.label.startsWith('Diagnostic') && r.concurrency === c);
		if (!ours || !floor) continue;
		lines.push(
			`- At ${c} in flight: ${f2(ours.nodeSeconds - ours.spanSeconds)} s pass before the first request (the validation pre-pass reads every item's parameters, ` +
				`and n8n evaluates each expression in its expression sandbox), and sending takes ${f2(ours.spanSeconds - floor.spanSeconds)} s longer than the minimal node ` +
				`(n8n loads the credential's authentication for every request, and the node classifies each answer).`,
		);
	}
	lines.push('');
	lines.push(`## 2. ${N_SEND} sends against a limit of ${RATE_LIMIT} requests/s`);
	lines.push('');
	const bound = N_SEND / RATE_LIMIT;
	lines.push(`Bound: ${N_SEND} / ${RATE_LIMIT} per s = ${bound} s. Targets for the DecisionTelecom node: exactly ${N_SEND} accepted, 0 duplicates, time ≤ 1.15 × ${bound} s.`);
	lines.push('');
	lines.push('| Contender | Node time (s) | Time / bound | Accepted | Duplicates | 429 answers | Items OK | Items failed | Execution | Target |');
	lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
	for (const r of results.s2) {
		const c = r.mock.counters;
		const ours = r.label.startsWith('DecisionTelecom');
		const met = c.accepted === N_SEND && c.duplicates === 0 && r.nodeSeconds <= 1.15 * bound;
		lines.push(
			`| ${r.label} | ${f2(r.nodeSeconds)} | ${f2(r.nodeSeconds / bound)}× | ${c.accepted} | ${c.duplicates} | ${c.rateLimited} | ${r.ok} | ${r.failed} | ${r.status}${r.error ? ` (${r.error.slice(0, 60)})` : ''} | ${ours ? (met ? 'met' : 'missed') : '–'} |`,
		);
	}
	lines.push('');
	lines.push(`## 3. Peak memory (RSS of the n8n process tree, sampled every 100 ms)`);
	lines.push('');
	lines.push(
		`A fresh n8n per measurement, warmed up with 20 items; mock latency ${MEMORY_LATENCY_MS} ms, no rate limit. Growth per 1,000 items = (peak at ${N_MEMORY[1]} − peak at ${N_MEMORY[0]}) / ${(N_MEMORY[1] - N_MEMORY[0]) / 1000}. ` +
			'Target: the DecisionTelecom node grows no more than the HTTP Request node.',
	);
	lines.push('');
	lines.push(
		`| Contender | Baseline (MB) | Peak ${N_MEMORY[0]} (MB) | Peak ${N_MEMORY[1]} (MB) | Growth per 1,000 items (MB) | Sent OK (${N_MEMORY[0]} / ${N_MEMORY[1]}) | Node time (${N_MEMORY[0]} / ${N_MEMORY[1]}, s) |`,
	);
	lines.push('|---|---:|---:|---:|---:|---:|---:|');
	const growth = {};
	for (const row of results.s3) {
		const [a, b] = row.runs;
		growth[row.label] = (b.peak - a.peak) / ((b.count - a.count) / 1000);
		lines.push(
			`| ${row.label} | ${mb(a.baseline)} / ${mb(b.baseline)} | ${mb(a.peak)} | ${mb(b.peak)} | ${(growth[row.label] / 1024 / 1024).toFixed(1)} | ${a.ok} / ${b.ok} | ${f2(a.seconds)} / ${f2(b.seconds)} |`,
		);
	}
	const [oursLabel, httpLabel, controlLabel, floorLabel] = results.s3.map((r) => r.label);
	const perK = (label) => (growth[label] / 1024 / 1024).toFixed(1);
	lines.push('');
	lines.push(
		`Memory target: ${growth[oursLabel] <= growth[httpLabel] ? 'met' : 'missed'} (${perK(oursLabel)} vs ${perK(httpLabel)} MB per 1,000 items). ` +
			`The control shows what n8n itself needs per 1,000 items passing through a workflow (${perK(controlLabel)} MB: items, execution data, saving it); ` +
			`beyond it the DecisionTelecom node adds ${(Math.max(0, growth[oursLabel] - growth[controlLabel]) / 1024 / 1024).toFixed(1)} MB and the HTTP Request node ${(Math.max(0, growth[httpLabel] - growth[controlLabel]) / 1024 / 1024).toFixed(1)} MB. ` +
			`The minimal node that only calls n8n's httpRequest helper (5 at a time, like ours) grows ${perK(floorLabel)} MB per 1,000 items. ` +
			'RSS peaks also depend on when V8 collects garbage, so differences of a few MB are noise.',
	);
	lines.push('');
	return `${lines.join('\n')}\n`;
}

main()
	.then(async () => {
		await cleanup();
		process.exit(0);
	})
	.catch(async (err) => {
		if (interrupted) return; // the signal handler cleans up and exits
		console.error(`[bench] ERROR: ${err.stack ?? err.message}`);
		await cleanup();
		process.exit(1);
	});
