// The Send Once Per Key tests (test/dedupe) load the installed n8n's deduplication store, whose
// sqlite3 is built for n8n's Node: `npm run test:dedupe` and `npm run test:mutation` run their
// tool (jest, Stryker) on that Node, with n8n's modules named in DECISIONTELECOM_N8N_MODULES.
import path from 'node:path';

import { cleanup, stopOnSignals } from './cleanup.mjs';
import { say } from './log.mjs';
import { REPO_ROOT } from './paths.mjs';
import { spawnTracked } from './processes.mjs';
import { ensureRuntime } from './runtime.mjs';

/** Runs `node_modules/<tool>` with `args` on n8n's Node; resolves to its exit code. */
export async function runOnN8nNode(tool, args) {
	stopOnSignals();
	const runtime = await ensureRuntime();
	say(`${tool} on Node ${runtime.node.version} with n8n ${runtime.pin.n8n}'s deduplication store`);
	const child = spawnTracked(
		runtime.node.bin,
		// TypeORM loads its driver with a dynamic import, which jest allows only with this flag.
		['--experimental-vm-modules', path.join(REPO_ROOT, 'node_modules', tool), ...args],
		{
			cwd: REPO_ROOT,
			stdio: 'inherit',
			env: {
				...process.env,
				DECISIONTELECOM_N8N_MODULES: path.join(runtime.app.dir, 'node_modules'),
			},
		},
	);
	const { code, signal } = await child.exited;
	await cleanup();
	return code ?? (signal ? 1 : 0);
}
