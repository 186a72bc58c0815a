// One long-running n8n process (`n8n start`, or queue mode's `worker` and `webhook`), started
// in its own process group and tracked by PID, with its output in a log file.
import fs from 'node:fs';

import { portInUse } from './ports.mjs';
import { spawnTracked } from './processes.mjs';
import { sleep } from './wait.mjs';

async function answers200(url) {
	try {
		return (await fetch(url)).status === 200;
	} catch {
		return false;
	}
}

/**
 * Starts `n8n <command>` and resolves once it is ready: its log shows `readyLine` (for `start`:
 * printed after community packages are loaded and the webhooks of active workflows are
 * registered) and `readyUrl` (for `start`: the database is migrated) answers 200. `args` follow
 * the command (e.g. --concurrency=5). Returns the
 * tracked process with { port, logFile, output() }.
 */
export async function startN8nProcess({
	runtime,
	env,
	logFile,
	command = 'start',
	args = [],
	echo = false,
	timeoutMs = 180000,
	readyLine = 'Editor is now accessible',
	readyUrl = `http://127.0.0.1:${env.N8N_PORT}/healthz/readiness`,
}) {
	const port = Number(env.N8N_PORT);
	if (await portInUse(port)) throw new Error(`port ${port} on 127.0.0.1 is already in use`);
	const out = fs.openSync(logFile, 'a');
	const proc = spawnTracked(runtime.node.bin, [runtime.app.bin, command, ...args], {
		label: `n8n ${command}`,
		env,
		cwd: env.N8N_USER_FOLDER,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	let readyLineSeen = false;
	const onData = (chunk) => {
		fs.writeSync(out, chunk);
		if (echo) process.stdout.write(chunk);
		output = (output + chunk.toString()).slice(-20000);
		readyLineSeen ||= output.includes(readyLine);
	};
	proc.child.stdout.on('data', onData);
	proc.child.stderr.on('data', onData);
	proc.closed.then(() => fs.closeSync(out));
	Object.assign(proc, { port, logFile, output: () => output });
	await waitReady(proc, { timeoutMs, readyUrl, readyLineSeen: () => readyLineSeen });
	return proc;
}

async function waitReady(proc, { timeoutMs, readyUrl, readyLineSeen }) {
	const failure = (what) =>
		new Error(`${proc.label} ${what}; log ${proc.logFile}:\n${proc.output().slice(-3000)}`);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const exit = proc.exit();
		if (exit) throw failure(`exited during start (${exit.code ?? exit.signal})`);
		if (Date.now() > deadline) {
			await proc.stop();
			throw failure(`was not ready after ${timeoutMs / 1000} s`);
		}
		if (readyLineSeen() && (await answers200(readyUrl))) return;
		await sleep(250);
	}
}
