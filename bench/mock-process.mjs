// The mock DecisionTelecom API as its own process (so that it does not share a CPU core's time
// with the bench client), controlled over its HTTP control endpoints; stopped by PID at clean-up.
import fs from 'node:fs';
import path from 'node:path';

import { onCleanup } from '../scripts/n8n/cleanup.mjs';
import { REPO_ROOT } from '../scripts/n8n/paths.mjs';
import { spawnTracked } from '../scripts/n8n/processes.mjs';
import { pollUntil } from '../scripts/n8n/wait.mjs';
import { ACCESS_KEY } from './settings.mjs';

async function healthy(url) {
	try {
		return (await fetch(`${url}/health`)).ok || undefined;
	} catch {
		return undefined;
	}
}

/** Starts the mock on 127.0.0.1:port; returns { url, pid, reset(options), summary() }. */
export async function startMockProcess(port, logFile) {
	const out = fs.openSync(logFile, 'a');
	const server = path.join(REPO_ROOT, 'test', 'mock', 'server.js');
	const proc = spawnTracked(
		process.execPath,
		[server, '--port', String(port), '--api-key', ACCESS_KEY],
		{
			label: 'mock',
			stdio: ['ignore', out, out],
			graceMs: 5000,
		},
	);
	onCleanup(() => fs.closeSync(out));
	const url = `http://127.0.0.1:${port}`;
	await pollUntil(() => healthy(url), {
		what: `the mock on ${url} did not answer`,
		timeoutMs: 10000,
		everyMs: 100,
	});
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
		pid: proc.pid,
		reset: (options) => control('POST', 'reset', options),
		summary: () => control('GET', 'summary'),
	};
}
