// Every process the scripts start, tracked by PID until it exits, so that one call stops all of
// them: SIGTERM first, SIGKILL after a grace period. Never by name.
import { spawn } from 'node:child_process';

const running = new Set();

function send(proc, signal) {
	try {
		// a detached child leads its own process group: SIGKILL the group, so that its children
		// (n8n's task runners) cannot outlive it
		process.kill(proc.detached && signal === 'SIGKILL' ? -proc.pid : proc.pid, signal);
	} catch {
		/* already gone */
	}
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves with { code, signal } once it has exited. */
async function stopProcess(proc, graceMs) {
	if (proc.exit()) return proc.exit();
	send(proc, 'SIGTERM');
	const timer = setTimeout(() => send(proc, 'SIGKILL'), graceMs);
	const result = await proc.exited;
	clearTimeout(timer);
	return result;
}

/**
 * spawn() that keeps the child in the registry until it exits. `detached` gives it its own
 * process group, so a terminal's Ctrl-C reaches only the script, which then stops it by PID.
 * Returns { child, pid, label, detached, exited and closed (promises), exit() (null while
 * running), stop() }.
 */
export function spawnTracked(cmd, args, { label = cmd, graceMs = 30000, ...options } = {}) {
	const child = spawn(cmd, args, options);
	let exitInfo = null;
	const proc = { child, pid: child.pid, label, detached: Boolean(options.detached) };
	proc.exited = new Promise((resolve) => {
		const done = (info) => {
			exitInfo ??= info;
			running.delete(proc);
			resolve(exitInfo);
		};
		child.once('exit', (code, signal) => done({ code, signal }));
		child.once('error', (error) => done({ code: null, signal: null, error }));
	});
	// after 'exit', once its output pipes have closed too
	proc.closed = new Promise((resolve) => {
		child.once('close', resolve);
		child.once('error', resolve);
	});
	proc.exit = () => exitInfo;
	proc.stop = (ms = graceMs) => stopProcess(proc, ms);
	running.add(proc);
	return proc;
}

/** Stops every tracked process (each with its own grace period), all at once. */
export async function stopAll() {
	await Promise.all([...running].map((proc) => proc.stop()));
}

/** SIGKILL to every tracked process that is still running. */
export function killAll() {
	for (const proc of running) send(proc, 'SIGKILL');
}
