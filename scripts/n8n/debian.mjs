// Debian packages the queue-mode suite needs (PostgreSQL, Redis): installed with apt-get when
// their programs are missing. Never starts or touches the system services they come with.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runCommand } from './commands.mjs';
import { say } from './log.mjs';

async function aptGet(args, logFile) {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await runCommand('apt-get', args, { cwd: '/', env, logFile });
}

/** Makes sure `find()` returns a path, installing `pkg` with apt-get when it does not yet. */
export async function ensureDebianProgram(find, pkg) {
	const found = find();
	if (found) return found;
	if (process.getuid?.() !== 0)
		throw new Error(`${pkg} is not installed; install it with: sudo apt-get install -y ${pkg}`);
	const logFile = path.join(os.tmpdir(), `apt-get-${pkg}.log`);
	say(`installing the Debian package ${pkg} (log: ${logFile}) ...`);
	try {
		await aptGet(['install', '-y', '--no-install-recommends', pkg], logFile);
	} catch {
		await aptGet(['update'], logFile);
		await aptGet(['install', '-y', '--no-install-recommends', pkg], logFile);
	}
	const installed = find();
	if (!installed) throw new Error(`apt-get installed ${pkg}, but its program is still missing`);
	return installed;
}

/** The first existing file among `candidates`. */
export function firstExisting(candidates) {
	return candidates.find((file) => fs.existsSync(file));
}
