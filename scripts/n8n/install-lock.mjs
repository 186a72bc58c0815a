// Installs into the shared cache folder one at a time (npm start, the e2e suite and the benchmark
// may start together, also from other checkouts): a lock folder holding the owner's PID.
import fs from 'node:fs';
import path from 'node:path';

import { readJson } from './files.mjs';
import { say } from './log.mjs';
import { cacheRoot } from './paths.mjs';
import { sleep } from './wait.mjs';

/** "PID n" while the lock's owner runs, false once it has gone. */
function liveOwner(lockDir) {
	const owner = Number(readJson(path.join(lockDir, 'pid'), 0));
	try {
		if (!owner) return Date.now() - fs.statSync(lockDir).mtimeMs < 10000 && 'PID not written yet';
		process.kill(owner, 0);
		return `PID ${owner}`;
	} catch {
		return false;
	}
}

async function acquire(lockDir) {
	let warned = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			return;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
		}
		const owner = liveOwner(lockDir);
		if (!owner) {
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!warned) say(`waiting for another install (${owner}) to finish ...`);
		warned = true;
		await sleep(1000);
	}
}

export async function withInstallLock(fn) {
	fs.mkdirSync(cacheRoot(), { recursive: true });
	const lockDir = path.join(cacheRoot(), 'install.lock');
	await acquire(lockDir);
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}
