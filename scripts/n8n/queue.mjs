// n8n in queue mode on one machine: a private PostgreSQL and Redis, one main process, workers and
// one webhook process, each with its own user folder and this package installed in it (n8n's docs:
// in queue mode community packages are installed by hand on every instance). All on 127.0.0.1,
// every process tracked by PID and stopped in order by stop(), or by cleanup() on failure.
//
//   const q = await bootQueue({ runtime, home, owner, fixtures, activate, workers: 2 });
//   q.webhookUrl (Production URLs), q.main (an N8nInstance: api, cli), q.workers[i].server.pid, q.sql()
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { createInstance } from './instance.mjs';
import { packPackage } from './package-install.mjs';
import { REPO_ROOT } from './paths.mjs';
import { freePort } from './ports.mjs';
import { postgresEnv, startPostgres } from './postgres.mjs';
import { redisEnv, startRedis } from './redis.mjs';
import { startN8nProcess } from './server.mjs';

const WORKER_CONCURRENCY = 5; // n8n warns below 5 (default 10)

/** Settings every process shares: the database, Redis, the encryption key and the URLs. */
function sharedEnv({ pg, redis, encryptionKey, mainUrl, webhookUrl }) {
	return {
		...postgresEnv(pg),
		...redisEnv(redis),
		EXECUTIONS_MODE: 'queue',
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_EDITOR_BASE_URL: mainUrl,
		// Production URLs (and the resume URLs of waiting executions) go to the webhook process;
		// Test URLs stay on main, which alone serves them. N8N_WEBHOOK_URL would move both.
		WEBHOOK_URL: webhookUrl,
	};
}

/** What each kind of process adds: main hands manual runs to the workers and takes no webhooks. */
async function roleEnv(role, workerEnv) {
	if (role === 'main')
		return {
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		};
	if (role === 'webhook') return {};
	return {
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		...workerEnv,
	};
}

async function createProcessInstance({
	role,
	name,
	port,
	home,
	shared,
	tgz,
	workerEnv,
	...options
}) {
	const instance = await createInstance({
		...options,
		home: path.join(home, name),
		packages: [tgz],
		ports: { port },
		env: { ...shared, ...(await roleEnv(role, workerEnv)) },
	});
	// the single-instance setting would move the Test URLs away from main too (see sharedEnv)
	for (const env of [instance.env, instance.cliEnv]) delete env.N8N_WEBHOOK_URL;
	return Object.assign(instance, { role, name });
}

/** Starts a worker or the webhook process of `instance`; resolves once it is ready. */
export async function startHelper(instance) {
	const { runtime, env, echo } = instance;
	const worker = instance.role === 'worker';
	instance.server = await startN8nProcess({
		runtime,
		env,
		echo,
		logFile: instance.logs.server,
		command: instance.role,
		args: worker ? [`--concurrency=${WORKER_CONCURRENCY}`] : [],
		readyLine: worker ? 'n8n worker is now ready' : 'Webhook listener waiting for requests',
		readyUrl: worker
			? `http://127.0.0.1:${env.QUEUE_HEALTH_CHECK_PORT}/healthz/readiness`
			: `http://127.0.0.1:${env.N8N_PORT}/healthz/readiness`,
	});
	return instance;
}

class QueueCluster {
	constructor(fields) {
		Object.assign(this, fields);
		this.processes = [this.main, ...this.workers, this.webhook];
	}

	/** Rows of a query on the shared PostgreSQL database. */
	sql(query) {
		return this.pg.sql(query);
	}

	/** Every log file of the run: each n8n process, its CLI, PostgreSQL and Redis. */
	logFiles() {
		const files = this.processes.flatMap((p) => [p.logs.server, p.logs.cli]);
		return [...files, this.pg.logFile, this.redis.logFile].filter((f) => fs.existsSync(f));
	}

	/** Stops the webhook process, the workers and main, in that order. */
	async stopN8n() {
		await this.webhook.stop();
		await Promise.all(this.workers.map((w) => w.stop()));
		await this.main.stop();
	}

	/** Stops everything: n8n first, then Redis and PostgreSQL. */
	async stop() {
		await this.stopN8n();
		await this.redis.stop();
		await this.pg.stop();
	}
}

/** One instance (user folder, package, environment) per process: main, the workers, the webhook process. */
async function createProcesses(common, workers, { mainPort, webhookPort }) {
	const main = await createProcessInstance({
		...common,
		role: 'main',
		name: 'main',
		port: mainPort,
	});
	const helpers = [];
	for (let i = 1; i <= workers; i++) {
		const name = `worker${i}`;
		const port = await freePort();
		helpers.push(await createProcessInstance({ ...common, role: 'worker', name, port }));
	}
	const webhook = await createProcessInstance({
		...common,
		role: 'webhook',
		name: 'webhook',
		port: webhookPort,
	});
	return { main, helpers, webhook };
}

/**
 * Boots the cluster: the database and Redis, the package installed for every process, `fixtures`
 * imported with main's CLI, main started (it migrates the database) and logged in as `owner`, the
 * `activate` workflows activated through its public API (main registers their Production webhooks
 * in the database, where the webhook process finds them; one API call each instead of one CLI run
 * each), then the workers and the webhook process together.
 */
export async function bootQueue({
	runtime,
	home,
	owner,
	fixtures,
	activate = [],
	workers = 2,
	workerEnv = {},
	netlog,
	echo,
}) {
	const pg = await startPostgres(home);
	const redis = await startRedis(path.join(home, 'redis'));
	const logFile = path.join(home, 'build.log');
	const tgz = await packPackage(REPO_ROOT, path.join(home, 'pack'), { logFile });
	const ports = { webhookPort: await freePort(), mainPort: await freePort() };
	const url = (port) => `http://127.0.0.1:${port}/`;
	const shared = sharedEnv({
		pg,
		redis,
		encryptionKey: crypto.randomBytes(24).toString('hex'),
		mainUrl: url(ports.mainPort),
		webhookUrl: url(ports.webhookPort),
	});
	const common = { runtime, home, owner, netlog, echo, shared, tgz, workerEnv };
	const { main, helpers, webhook } = await createProcesses(common, workers, ports);
	if (fixtures) await main.importFixtures(fixtures);
	await main.start();
	await main.login('queue');
	for (const id of activate) await main.api(`workflows/${id}/activate`, { method: 'POST' });
	await Promise.all([...helpers, webhook].map(startHelper));
	const webhookUrl = url(ports.webhookPort);
	return new QueueCluster({ pg, redis, main, workers: helpers, webhook, webhookUrl });
}
