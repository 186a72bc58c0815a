// A private PostgreSQL cluster for one run: the Debian package's programs, a data folder under
// /tmp, its own port on 127.0.0.1 and its own socket folder, never the system service. PostgreSQL
// refuses to run as root, so as root the cluster runs as the `postgres` user (setpriv exec()s, so
// the PID we track is the postmaster's); otherwise as the current user.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { onCleanup } from './cleanup.mjs';
import { runCommand } from './commands.mjs';
import { ensureDebianProgram } from './debian.mjs';
import { freePort } from './ports.mjs';
import { spawnTracked } from './processes.mjs';
import { pollUntil } from './wait.mjs';

const DATABASE = { name: 'n8n', user: 'n8n', password: 'n8n-queue-test' };

function findBinDir() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => b - a) : [];
	const dir = versions
		.map((v) => path.join(root, v, 'bin'))
		.find((d) => fs.existsSync(path.join(d, 'postgres')));
	return dir;
}

/** Runs as the postgres user when we are root (`setpriv` keeps the PID), else as we are. */
function asOwner(cmd, args) {
	if (process.getuid() !== 0) return [cmd, args];
	return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', cmd, ...args]];
}

async function initCluster(bin, base, logFile) {
	fs.mkdirSync(path.join(base, 'data'), { mode: 0o700 });
	fs.mkdirSync(path.join(base, 'sock'));
	if (process.getuid() === 0) {
		// the data folder must be reachable for the postgres user: not under /root, not mode 700
		fs.chmodSync(base, 0o755);
		spawnSync('chown', ['-R', 'postgres:postgres', base]);
	}
	const args = [
		'-D',
		path.join(base, 'data'),
		'-U',
		'postgres',
		'--auth-local=trust',
		'--auth-host=trust',
	];
	const [cmd, full] = asOwner(path.join(bin, 'initdb'), [
		...args,
		'-E',
		'UTF8',
		'--locale=C.UTF-8',
	]);
	await runCommand(cmd, full, { cwd: base, logFile });
}

/** psql as the superuser; `-At` plain rows. Throws with psql's message on an error. */
function psql(bin, port, args, user = 'postgres', database = 'postgres') {
	const r = spawnSync(
		path.join(bin, 'psql'),
		[
			'-X',
			'-v',
			'ON_ERROR_STOP=1',
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			user,
			'-d',
			database,
			'-At',
			...args,
		],
		{
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
			env: { ...process.env, PGPASSWORD: DATABASE.password },
		},
	);
	if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
	return r.stdout;
}

/**
 * Starts a throwaway cluster in a new folder of the system's temp folder (a run's own temp folder
 * is mode 700, which the postgres user cannot enter), with database n8n owned by user n8n.
 * The logs go to `logDir`. Returns { base, port, database, proc, logFile, sql(query) -> rows,
 * dump() -> all rows as text, stop() }. `base` is removed at clean-up (scripts/n8n/cleanup.mjs).
 */
export async function startPostgres(logDir) {
	const bin = await ensureDebianProgram(findBinDir, 'postgresql');
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dt-postgres-'));
	onCleanup(() => fs.rmSync(base, { recursive: true, force: true }));
	const logFile = path.join(logDir, 'postgres.log');
	await initCluster(bin, base, path.join(logDir, 'initdb.log'));
	const { port, proc } = await launchServer(bin, base, logFile);
	psql(bin, port, [
		'-c',
		`CREATE ROLE ${DATABASE.user} LOGIN PASSWORD '${DATABASE.password}'`,
		'-c',
		`CREATE DATABASE ${DATABASE.name} OWNER ${DATABASE.user}`,
	]);
	const asN8n = (args) => psql(bin, port, args, DATABASE.user, DATABASE.name);
	return {
		base,
		port,
		database: DATABASE,
		proc,
		logFile,
		sql: (query) =>
			JSON.parse(asN8n(['-c', `select coalesce(json_agg(t), '[]') from (${query}) t`]) || '[]'),
		dump: () =>
			spawnSync(
				path.join(bin, 'pg_dump'),
				['-h', '127.0.0.1', '-p', String(port), '-U', DATABASE.user, '--data-only', DATABASE.name],
				{ encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
			).stdout,
		// SIGINT: "fast" shutdown (SIGTERM would wait for every client to leave)
		stop: async () => {
			if (!proc.exit()) process.kill(proc.pid, 'SIGINT');
			await proc.stop(10000);
		},
	};
}

/** Starts the server of the cluster in `base` on a free port, and waits until it takes connections. */
async function launchServer(bin, base, logFile) {
	const port = await freePort();
	// durability off: a throwaway cluster, and the suite runs on a busy machine
	const settings = [
		'-c',
		'listen_addresses=127.0.0.1',
		'-p',
		String(port),
		'-k',
		path.join(base, 'sock'),
	];
	for (const off of ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'])
		settings.push('-c', off);
	const [cmd, args] = asOwner(path.join(bin, 'postgres'), [
		'-D',
		path.join(base, 'data'),
		...settings,
	]);
	const out = fs.openSync(logFile, 'a');
	const proc = spawnTracked(cmd, args, {
		label: 'postgres',
		cwd: base,
		stdio: ['ignore', out, out],
		graceMs: 10000,
	});
	const ready = () =>
		spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]).status === 0;
	const ok = await pollUntil(() => (ready() ? true : proc.exit() ? false : undefined), {
		what: `PostgreSQL on port ${port} not ready (log ${logFile})`,
		timeoutMs: 60000,
	});
	if (!ok) throw new Error(`PostgreSQL exited during start; log ${logFile}`);
	return { port, proc };
}

/** The n8n settings for this database. */
export function postgresEnv(pg) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database.name,
		DB_POSTGRESDB_USER: pg.database.user,
		DB_POSTGRESDB_PASSWORD: pg.database.password,
	};
}
