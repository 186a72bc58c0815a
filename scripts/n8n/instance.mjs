// One real n8n with this package, as `npm start`, the e2e suite and the benchmark use it (and
// queue mode's main, workers and webhook process, scripts/n8n/queue.mjs). Everything it starts is tracked
// by PID and stopped by cleanup() (scripts/n8n/cleanup.mjs).
//
//   const runtime = await ensureRuntime();                  // Node + n8n of a pinned line
//   const n8n = await bootN8n({ runtime, home, owner, fixtures, publish: ['wfId'], login: 'me' });
//   await n8n.api('executions'); await n8n.execute('wfId'); n8n.sql('select ...'); await n8n.stop();
//
// <home>/user is n8n's user folder (database, installed packages), <home>/run holds the logs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { createApiKey, publicApi } from './api.mjs';
import { parseExecuteOutput, runN8nCli } from './cli.mjs';
import { writeJson } from './files.mjs';
import { n8nEnv } from './instance-env.mjs';
import { ownerByEnv, publishArgs, setUpOwner } from './lines.mjs';
import { installPackage, packPackage } from './package-install.mjs';
import { REPO_ROOT } from './paths.mjs';
import { freePort } from './ports.mjs';
import { startN8nProcess } from './server.mjs';
import { sqlQuery } from './sql.mjs';
import { pollUntil } from './wait.mjs';

const NETLOG_PRELOAD = path.join(REPO_ROOT, 'scripts', 'n8n', 'netlog-preload.cjs');

class N8nInstance {
	constructor(fields) {
		Object.assign(this, fields);
		this.baseUrl = `http://127.0.0.1:${this.env.N8N_PORT}/`;
		this.dbFile = path.join(this.userFolder, '.n8n', 'database.sqlite');
	}

	/** `n8n <args>` on this instance (its own task-broker port, so it also runs beside the server). */
	cli(args) {
		return runN8nCli(this.runtime, this.cliEnv, args, { logFile: this.logs.cli });
	}

	/** `n8n execute --id`; resolves to { code, stdout, stderr, run } (run: the execution JSON). */
	async execute(id) {
		const r = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		const run = parseExecuteOutput(r.stdout);
		if (!run) {
			const output = `${r.stdout}${r.stderr}`.slice(-3000);
			throw new Error(
				`n8n execute --id=${id} printed no execution JSON (exit ${r.code}):\n${output}`,
			);
		}
		return { ...r, run };
	}

	async mustRun(args) {
		const r = await this.cli(args);
		if (r.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${r.stdout}${r.stderr}`);
	}

	/** Imports credentials ([{ id, name, type, data }], data in clear) and workflows ({ id: workflow }). */
	async importFixtures({ credentials = [], workflows = {} }) {
		const dir = path.join(this.home, 'fixtures');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(path.join(dir, 'workflows'), { recursive: true });
		writeJson(path.join(dir, 'credentials.json'), credentials);
		for (const [id, wf] of Object.entries(workflows))
			writeJson(path.join(dir, 'workflows', `${id}.json`), wf);
		if (credentials.length)
			await this.mustRun(['import:credentials', `--input=${dir}/credentials.json`]);
		await this.mustRun(['import:workflow', '--separate', `--input=${dir}/workflows`]);
	}

	/** Makes workflows active from the next start on (run it while the server is stopped). */
	async publish(ids) {
		for (const id of ids) await this.mustRun(publishArgs(this.runtime.pin.line, id));
	}

	/** Starts `n8n start` (and, on a line without an owner from the environment, sets one up). */
	async start() {
		const { runtime, env, echo } = this;
		this.server = await startN8nProcess({ runtime, env, logFile: this.logs.server, echo });
		if (!ownerByEnv(runtime.pin.line)) await setUpOwner(this.baseUrl, this.owner);
		return this.server;
	}

	async stop() {
		await this.server?.stop();
		this.server = undefined;
	}

	/** Logs in as the owner: sets `cookie` (for /rest and /types) and `api` (the public API). */
	async login(label = `local-${Date.now()}`) {
		const { apiKey, cookie } = await createApiKey(this.baseUrl, this.owner, label);
		this.cookie = cookie;
		this.api = publicApi(this.baseUrl, apiKey);
	}

	/**
	 * Waits until n8n has registered the Production webhooks of these workflows: it serves them
	 * from its webhook_entity table, which it fills for published workflows only after it reports
	 * ready. (An OPTIONS request is no test: n8n 2.41.1 answers it with 204 for any path.)
	 */
	async webhooksRegistered(workflowIds) {
		const count = (id) =>
			this.sql('select count(*) as n from webhook_entity where "workflowId" = ?', [id])[0].n;
		for (const id of workflowIds)
			await pollUntil(() => count(id) > 0 || undefined, {
				what: `no webhook of ${id} registered`,
				timeoutMs: 30000,
			});
	}

	sql(query, params) {
		return sqlQuery(this.runtime, this.dbFile, query, params);
	}
}

function encryptionKeyOf(home) {
	const file = path.join(home, 'encryption-key');
	if (!fs.existsSync(file))
		fs.writeFileSync(file, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
	return fs.readFileSync(file, 'utf8').trim();
}

/**
 * Installs each package: a packed .tgz as it is, a folder (default: this repository) built and
 * packed first.
 */
async function installPackages(runtime, home, userFolder, packages) {
	const packDir = path.join(home, 'pack');
	fs.rmSync(packDir, { recursive: true, force: true });
	const installed = [];
	for (const folder of packages) {
		const logFile = path.join(home, 'run', 'build.log');
		const tgz = folder.endsWith('.tgz') ? folder : await packPackage(folder, packDir, { logFile });
		installed.push(await installPackage(userFolder, tgz, runtime.node));
	}
	return installed;
}

/**
 * Prepares an instance without starting it. Ports default to free ones; `netlog` names a file
 * where every n8n process appends each connection or DNS lookup that leaves 127.0.0.1.
 */
export async function createInstance({
	runtime,
	home,
	owner,
	packages = [REPO_ROOT],
	ports = {},
	netlog,
	env = {},
	echo = false,
}) {
	const userFolder = path.join(home, 'user');
	const runDir = path.join(home, 'run');
	fs.mkdirSync(userFolder, { recursive: true });
	fs.mkdirSync(runDir, { recursive: true });
	const installed = await installPackages(runtime, home, userFolder, packages);
	const port = ports.port ?? (await freePort());
	const fullEnv = n8nEnv({
		runtime,
		userFolder,
		port,
		brokerPort: ports.brokerPort ?? (await freePort()),
		owner,
		encryptionKey: encryptionKeyOf(home),
		preload: netlog && NETLOG_PRELOAD,
		extra: netlog ? { ...env, DT_NETLOG_FILE: netlog } : env,
	});
	const cliEnv = {
		...fullEnv,
		N8N_RUNNERS_BROKER_PORT: String(ports.cliBrokerPort ?? (await freePort())),
	};
	const logs = { server: path.join(runDir, 'n8n-server.log'), cli: path.join(runDir, 'cli.log') };
	return new N8nInstance({
		runtime,
		home,
		userFolder,
		runDir,
		owner,
		installed,
		env: fullEnv,
		cliEnv,
		logs,
		echo,
	});
}

/** createInstance, then the fixtures imported, workflows published, the server started, logged in. */
export async function bootN8n({ fixtures, publish = [], login, ...options }) {
	const n8n = await createInstance(options);
	if (fixtures) await n8n.importFixtures(fixtures);
	await n8n.publish(publish);
	await n8n.start();
	if (login) await n8n.login(login);
	return n8n;
}
