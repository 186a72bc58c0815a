#!/usr/bin/env node
// `npm run test:ui`: the package in the real n8n that `npm start` uses, driven in Debian's Chromium
// by playwright-core, against the DecisionTelecom mock on 127.0.0.1. The steps are in steps.mjs;
// screenshots of each go to .ui-screens/ (ignored by git). The last line printed is
// `N passed, N failed`; the exit code is 1 if anything failed.
//
// Environment (optional): DECISIONTELECOM_UI_CHROMIUM (the browser, default /usr/bin/chromium),
// DECISIONTELECOM_UI_STEP_TIMEOUT (s per browser action, default 180), DECISIONTELECOM_UI_TIMEOUT
// (s for the whole suite after the install, default 1500), DECISIONTELECOM_UI_KEEP=1 (keep the
// throwaway n8n folder).
import { createRequire } from 'node:module';
import path from 'node:path';

import { onCleanup, tempFolder } from '../../scripts/n8n/cleanup.mjs';
import { createInstance } from '../../scripts/n8n/instance.mjs';
import { say } from '../../scripts/n8n/log.mjs';
import { REPO_ROOT } from '../../scripts/n8n/paths.mjs';
import { ensureRuntime } from '../../scripts/n8n/runtime.mjs';
import { pinOf } from '../../scripts/n8n/versions.mjs';
import { ACCESS_KEY, OWNER, PKG } from '../e2e/fixtures.mjs';
import { anyFailed, check, runSuite, startWatchdog, stopOnInterruption } from '../e2e/harness.mjs';
import { openBrowser } from './browser.mjs';
import { STEPS } from './steps.mjs';

const { startMock } = createRequire(import.meta.url)('../mock/server.js');
const setting = (name, fallback) => Number(process.env[`DECISIONTELECOM_UI_${name}`] || fallback);

async function startN8n() {
	const runtime = await ensureRuntime();
	startWatchdog(setting('TIMEOUT', 1500));
	const home = tempFolder(
		'dt-ui-',
		() => process.env.DECISIONTELECOM_UI_KEEP === '1' || anyFailed(),
	);
	say('building, packing and installing the package ...');
	const n8n = await createInstance({ runtime, home, owner: OWNER });
	say(`starting n8n on ${n8n.baseUrl} (folder ${home}) ...`);
	const server = await n8n.start();
	say(`n8n ready (PID ${server.pid})`);
	return n8n;
}

runSuite(async () => {
	const started = Date.now();
	stopOnInterruption();
	say(`ui: n8n ${pinOf().n8n}, package ${PKG}, Chromium by playwright-core`);
	const n8n = await startN8n();
	const mock = await startMock({ port: 0, apiKey: ACCESS_KEY });
	onCleanup(() => mock.close());
	const screensDir = path.join(REPO_ROOT, '.ui-screens');
	const browser = await openBrowser({
		screensDir,
		stepTimeoutMs: setting('STEP_TIMEOUT', 180) * 1000,
	});
	const ctx = { ...browser, shot: browser.screenshot, n8n, mock, state: {} };
	console.log('\nchecks:');
	for (const [name, step] of STEPS) {
		await check(name, async () => {
			try {
				await step(ctx);
			} catch (err) {
				await browser.screenshot('failed').catch(() => {});
				throw err;
			}
		});
		if (anyFailed()) break;
	}
	say(
		`ui finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${screensDir}`,
	);
});
