// The e2e suite's tiny test harness: named checks, a summary whose last line is always
// `N passed, N failed`, and exit code 1 when anything failed. Clean-up (every process by PID, the
// throwaway folder) also runs on SIGINT, SIGTERM, SIGHUP and when the watchdog fires.
import { cleanup, stopAndExit, stopOnSignals } from '../../scripts/n8n/cleanup.mjs';

let passed = 0;
let failed = 0;
const failures = [];

/** Runs one check; an exception fails it (its message, up to 40 lines, is printed). */
export async function check(name, fn) {
	const started = Date.now();
	try {
		await fn();
		passed++;
		console.log(`  ok    ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	} catch (err) {
		failed++;
		failures.push(name);
		const text = String(err?.message ?? err)
			.split('\n')
			.slice(0, 40)
			.join('\n        ');
		console.log(`  FAIL  ${name}\n        ${text}`);
	}
}

export function anyFailed() {
	return failed > 0;
}

function summary() {
	if (failed > 0) console.log(`failed: ${failures.join('; ') || 'setup'}`);
	console.log(`${passed} passed, ${failed} failed`);
}

/** Signals, a parent that goes away and the watchdog all count as a failure and end the run. */
export function stopOnInterruption() {
	stopOnSignals({
		before: (reason) => {
			console.log(`\n${reason}: cleaning up`);
			failed++;
		},
		after: (reason) => {
			summary();
			return reason.startsWith('watchdog') ? 1 : 130;
		},
	});
}

export function startWatchdog(seconds) {
	const fire = () => stopAndExit(`watchdog: the suite took longer than ${seconds} s`);
	setTimeout(fire, seconds * 1000).unref();
}

/** Runs the suite, cleans up, prints the summary and exits. */
export async function runSuite(suite) {
	try {
		await suite();
	} catch (err) {
		failed++;
		console.log(`\nERROR: ${err.stack || err.message}`);
	}
	await cleanup();
	summary();
	process.exit(failed > 0 ? 1 : 0);
}
