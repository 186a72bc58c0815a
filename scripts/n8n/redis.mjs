// A private Redis for one run: the Debian package's redis-server on its own port of 127.0.0.1,
// with its own folder and no persistence, tracked by PID (never the system service).
import fs from 'node:fs';
import path from 'node:path';

import { ensureDebianProgram, firstExisting } from './debian.mjs';
import { portInUse, freePort } from './ports.mjs';
import { spawnTracked } from './processes.mjs';
import { pollUntil } from './wait.mjs';

/** Starts redis-server in `dir`; returns { port, proc, logFile, stop() }. */
export async function startRedis(dir) {
	const bin = await ensureDebianProgram(
		() => firstExisting(['/usr/bin/redis-server', '/usr/local/bin/redis-server']),
		'redis-server',
	);
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const args = [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--dir',
		dir,
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'no',
		'--protected-mode',
		'yes',
		'--logfile',
		logFile,
	];
	const proc = spawnTracked(bin, args, {
		label: 'redis-server',
		cwd: dir,
		stdio: 'ignore',
		graceMs: 10000,
	});
	await pollUntil(
		async () =>
			proc.exit()
				? Promise.reject(new Error(`redis-server exited; log ${logFile}`))
				: (await portInUse(port)) || undefined,
		{
			what: `Redis on port ${port} not ready`,
			timeoutMs: 30000,
		},
	);
	return { port, proc, logFile, stop: () => proc.stop(10000) };
}

export function redisEnv(redis) {
	return { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(redis.port) };
}
