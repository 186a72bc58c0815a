// n8n's command line (import, publish, execute), as tracked processes.
import fs from 'node:fs';

import { spawnTracked } from './processes.mjs';

/** Runs `n8n <args>`; resolves to { code, signal, stdout, stderr }; the log gets all of it. */
export async function runN8nCli(runtime, env, args, { logFile, timeoutMs = 180000 } = {}) {
	const proc = spawnTracked(runtime.node.bin, [runtime.app.bin, ...args], {
		label: `n8n ${args[0]}`,
		env,
		cwd: env.N8N_USER_FOLDER,
		stdio: ['ignore', 'pipe', 'pipe'],
		graceMs: 5000,
	});
	let stdout = '';
	let stderr = '';
	proc.child.stdout.on('data', (chunk) => (stdout += chunk));
	proc.child.stderr.on('data', (chunk) => (stderr += chunk));
	const timer = setTimeout(() => proc.stop(), timeoutMs);
	await proc.closed;
	clearTimeout(timer);
	const { code, signal, error } = proc.exit();
	if (error) throw error;
	if (logFile)
		fs.appendFileSync(
			logFile,
			`\n$ n8n ${args.join(' ')}  -> exit ${code ?? signal}\n${stdout}${stderr}`,
		);
	return { code, signal, stdout, stderr };
}

/**
 * The execution JSON that `n8n execute --rawOutput` prints: not the whole stdout, but the block
 * from a line `{` to the last line `}` (n8n exits with 1 and still prints it when a run fails).
 */
export function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start < 0 || end <= start) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}
