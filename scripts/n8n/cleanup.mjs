// One clean-up for everything a script started: first every tracked process (by PID), then the
// other steps (close the mock, remove a throwaway folder), last registered first. It runs on
// success and on failure, on SIGINT, SIGTERM and SIGHUP, and when the parent process goes away:
// a process manager that signals only `npm` does not reach us (npm passes SIGINT and SIGTERM to
// its child only, and dies of SIGHUP), so we watch our parent PID as well.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { say } from './log.mjs';
import { killAll, stopAll } from './processes.mjs';

const steps = [];
let cleaning;
let stopping;
let hooks = {
	before: (reason) => say(`${reason}: stopping everything this script started ...`),
	after: () => 130,
};

export function onCleanup(step) {
	steps.push(step);
}

export function cleanup() {
	cleaning ??= (async () => {
		await stopAll();
		for (const step of steps.reverse()) {
			try {
				await step();
			} catch (err) {
				console.log(`  (cleanup: ${err.message})`);
			}
		}
	})();
	return cleaning;
}

/**
 * Cleans up and exits: `before(reason)` runs first, then the clean-up, then `after()` gives the
 * exit code. Runs once; a second call more than 2 s later (a second Ctrl-C: npm passes a
 * terminal's Ctrl-C on as well, so one press can arrive twice) SIGKILLs what is still running.
 */
export async function stopAndExit(reason) {
	if (stopping) {
		if (Date.now() - stopping > 2000) killAll();
		return;
	}
	stopping = Date.now();
	await hooks.before(reason);
	await cleanup();
	process.exit(await hooks.after(reason));
}

/** True once stopAndExit has begun (a process that exits now was stopped by us). */
export function isStopping() {
	return Boolean(stopping);
}

/** Installs the signal handlers and the parent watch; `custom` replaces the before/after hooks. */
export function stopOnSignals(custom = {}) {
	hooks = { ...hooks, ...custom };
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
		process.on(signal, () => stopAndExit(signal));
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) stopAndExit(`parent process ${parent} exited`);
	}, 1000).unref();
}

/** A throwaway folder, removed at clean-up unless `keep()` says otherwise. */
export function tempFolder(prefix, keep = () => false) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	onCleanup(() => {
		if (keep()) console.log(`  (kept ${dir} for inspection)`);
		else fs.rmSync(dir, { recursive: true, force: true });
	});
	return dir;
}
