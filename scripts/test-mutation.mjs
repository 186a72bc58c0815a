#!/usr/bin/env node
// `npm run test:mutation`: StrykerJS over the files of stryker.config.json, then each file's
// score (scripts/mutation-scores.mjs). Stryker runs on n8n's Node, so that the Send Once Per Key
// tests against n8n's own deduplication store (test/dedupe) run for each mutant too. Arguments
// go to `stryker run`, e.g. `npm run test:mutation -- --mutate nodes/DecisionTelecom/runner/pool.ts`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { runOnN8nNode } from './n8n/on-n8n-node.mjs';

const code = await runOnN8nNode('@stryker-mutator/core/bin/stryker.js', [
	'run',
	// Stryker starts its jest workers without its own Node flags: they need this one too.
	'--testRunnerNodeArgs=--experimental-vm-modules',
	...process.argv.slice(2),
]);
if (code !== 0) process.exit(code);
const scores = spawnSync(
	process.execPath,
	[fileURLToPath(new URL('mutation-scores.mjs', import.meta.url))],
	{ stdio: 'inherit' },
);
process.exit(scores.status ?? 1);
