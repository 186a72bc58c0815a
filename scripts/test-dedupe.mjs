#!/usr/bin/env node
// `npm run test:dedupe`: the Send Once Per Key node tests (test/dedupe) against n8n's own
// deduplication store. They load the installed n8n's database layer, whose sqlite3 is built for
// n8n's Node, so jest runs on that Node (installed like for npm start and the e2e suite).
import path from 'node:path';

import { cleanup, stopOnSignals } from './n8n/cleanup.mjs';
import { say } from './n8n/log.mjs';
import { REPO_ROOT } from './n8n/paths.mjs';
import { spawnTracked } from './n8n/processes.mjs';
import { ensureRuntime } from './n8n/runtime.mjs';

stopOnSignals();
const runtime = await ensureRuntime();
say(`jest on Node ${runtime.node.version} with n8n ${runtime.pin.n8n}'s deduplication store`);
const jest = spawnTracked(
	runtime.node.bin,
	// TypeORM loads its driver with a dynamic import, which jest allows only with this flag.
	[
		'--experimental-vm-modules',
		path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
		'--config',
		'jest.dedupe.config.js',
	],
	{
		cwd: REPO_ROOT,
		stdio: 'inherit',
		env: {
			...process.env,
			DECISIONTELECOM_N8N_MODULES: path.join(runtime.app.dir, 'node_modules'),
		},
	},
);
const { code, signal } = await jest.exited;
await cleanup();
process.exit(code ?? (signal ? 1 : 0));
