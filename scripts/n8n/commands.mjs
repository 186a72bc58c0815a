// Running the tools that install things (npm, tar): a clean environment and a logged, tracked run.
import fs from 'node:fs';
import path from 'node:path';

import { spawnTracked } from './processes.mjs';

// npm settings a user may choose for these installs too (e.g. an empty cache to time a cold one)
const KEPT_NPM_SETTINGS = new Set(['npm_config_cache', 'npm_config_registry']);

/**
 * Environment for child processes working in the cache folder: no other npm_* variables (npm
 * exports npm_config_ignore_scripts=true from the repository's .npmrc into `npm start`, which
 * would silently turn `npm rebuild sqlite3` into a no-op), no NODE_OPTIONS, the chosen Node first
 * on PATH, and npm_config_nodedir pointing at that Node's headers (the user's npm config may point
 * at another Node's headers).
 */
export function cleanEnv(node) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		const npmVariable = /^npm_/i.test(key) && !KEPT_NPM_SETTINGS.has(key.toLowerCase());
		if (npmVariable || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
		env[key] = value;
	}
	if (node) {
		env.PATH = [node.binDir, env.PATH || ''].join(path.delimiter);
		if (node.nodedir) env.npm_config_nodedir = node.nodedir;
	}
	return env;
}

/**
 * Runs a command; its output goes to `logFile` (and to the terminal with `echo`). Resolves to
 * { code, signal, output } (the last 4000 characters); rejects on failure with that output.
 */
export async function runCommand(cmd, args, { cwd, env, logFile, echo = false } = {}) {
	const out = logFile ? fs.openSync(logFile, 'a') : undefined;
	if (out !== undefined) fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}  (cwd ${cwd})\n`);
	const proc = spawnTracked(cmd, args, {
		cwd,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		graceMs: 5000,
	});
	let output = '';
	const onData = (chunk) => {
		if (out !== undefined) fs.writeSync(out, chunk);
		if (echo) process.stdout.write(chunk);
		output = (output + chunk.toString()).slice(-4000);
	};
	proc.child.stdout?.on('data', onData);
	proc.child.stderr?.on('data', onData);
	await proc.closed;
	const { code, signal, error } = proc.exit();
	if (out !== undefined) fs.closeSync(out);
	if (error) throw error;
	if (code === 0) return { code, signal, output };
	const where = logFile ? `; full log: ${logFile}` : '';
	throw new Error(
		`${cmd} ${args.join(' ')} failed (exit ${code ?? signal}) in ${cwd}${where}\n--- last output ---\n${output}`,
	);
}
