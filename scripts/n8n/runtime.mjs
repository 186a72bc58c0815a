// A pinned n8n line ready to run: its Node and its n8n, installed under the install lock.
import { spawnSync } from 'node:child_process';

import { cleanEnv } from './commands.mjs';
import { withInstallLock } from './install-lock.mjs';
import { ensureApp } from './n8n-app.mjs';
import { ensureNode } from './node-runtime.mjs';
import { pinOf } from './versions.mjs';

/**
 * Returns { pin, node, app } for an n8n line (scripts/n8n/versions.mjs): pin { line, n8n, node },
 * node { bin, binDir, nodedir, version }, app { dir, bin, timings } (timings of what was installed now).
 */
export async function ensureRuntime(line) {
	const pin = pinOf(line);
	return withInstallLock(async () => {
		const node = await ensureNode(pin.node);
		const app = await ensureApp(pin, node);
		return { pin, node, app };
	});
}

/** Runs a Node script with n8n's own modules (sqlite3, bcryptjs) resolvable; returns stdout. */
export function runWithN8nModules(runtime, script, args, what) {
	const r = spawnSync(runtime.node.bin, ['-e', script, ...args], {
		cwd: runtime.app.dir,
		encoding: 'utf8',
		env: cleanEnv(runtime.node),
		maxBuffer: 256 * 1024 * 1024,
	});
	if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr}`);
	return r.stdout;
}
