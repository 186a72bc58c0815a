// n8n itself, in <cache>/n8n-<version>: `npm ci --ignore-scripts` from the line's committed
// lockfile, then sqlite3 compiled for the chosen Node. Install scripts stay off because some in
// n8n's tree download binaries from the internet and fail without it; the only native module
// that needs building is sqlite3 (isolated-vm ships prebuilt binaries). Idempotent.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { cleanEnv, runCommand } from './commands.mjs';
import { readJson, sha256, writeJson } from './files.mjs';
import { progress, say } from './log.mjs';
import { cacheRoot } from './paths.mjs';

// measured on a loaded 2-core machine; see README "Run a local n8n with the package"
const INSTALL_TIME = 'first run only: npm ci takes 4.5 to 5.5 minutes (measured) and ~3 GB of disk';
const SQLITE_TIME = 'about 1.5 to 2 minutes';

function appDir(pin) {
	return path.join(cacheRoot(), `n8n-${pin.n8n}`);
}

function n8nBin(pin) {
	return path.join(appDir(pin), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Top-level packages npm will install for this platform (others' optional ones are skipped). */
function lockTopLevelCount(lockFile) {
	const fits = (list, value) =>
		!Array.isArray(list) ||
		list.some((v) => v === value || (v.startsWith('!') && v.slice(1) !== value));
	const topLevel = /^node_modules\/(@[^/]+\/)?[^/]+$/;
	return Object.entries(readJson(lockFile, {}).packages || {}).filter(
		([key, p]) =>
			topLevel.test(key) &&
			fits(p.os, process.platform) &&
			fits(p.cpu, process.arch) &&
			fits(p.libc, 'glibc'),
	).length;
}

/** Top-level packages unpacked so far (npm creates the folders early, package.json comes later). */
function installedTopLevelCount(dir) {
	const nm = path.join(dir, 'node_modules');
	const unpacked = (folder) => (fs.existsSync(path.join(folder, 'package.json')) ? 1 : 0);
	let count = 0;
	for (const entry of fs.existsSync(nm) ? fs.readdirSync(nm) : []) {
		if (entry.startsWith('.')) continue;
		if (!entry.startsWith('@')) count += unpacked(path.join(nm, entry));
		else
			for (const sub of fs.readdirSync(path.join(nm, entry)))
				count += unpacked(path.join(nm, entry, sub));
	}
	return count;
}

function checkLockfile(pin) {
	const pinned = readJson(path.join(pin.lockDir, 'package.json'), {}).dependencies?.n8n;
	const lockFile = path.join(pin.lockDir, 'package-lock.json');
	if (pinned === pin.n8n && fs.existsSync(lockFile)) return lockFile;
	const dir = path.relative(process.cwd(), pin.lockDir);
	throw new Error(
		`${dir} pins n8n ${pinned ?? '(nothing)'}, scripts/n8n/versions.mjs says ${pin.n8n}: ` +
			`run node scripts/n8n/update-lock.mjs ${pin.line} and commit ${dir}`,
	);
}

async function installFromLockfile(pin, node, lockFile) {
	const dir = appDir(pin);
	const logFile = path.join(dir, 'install.log');
	fs.copyFileSync(path.join(pin.lockDir, 'package.json'), path.join(dir, 'package.json'));
	fs.copyFileSync(lockFile, path.join(dir, 'package-lock.json'));
	say(`installing n8n ${pin.n8n} into ${dir} (log: ${logFile})`);
	say(INSTALL_TIME);
	const total = lockTopLevelCount(lockFile);
	const done = progress('npm ci n8n', () => `${installedTopLevelCount(dir)}/${total} packages`);
	try {
		const args = ['ci', '--ignore-scripts', '--no-audit', '--no-fund'];
		await runCommand('npm', args, { cwd: dir, env: cleanEnv(node), logFile });
	} finally {
		done();
	}
}

/** Loads sqlite3 and isolated-vm with `node`, as n8n will. */
function checkNative(node, dir) {
	const script = `
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(':memory:');
db.get('select sqlite_version() as v', (err, row) => {
  if (err) { console.error(err.message); process.exit(2); }
  const ivm = require('isolated-vm');
  const iso = new ivm.Isolate({ memoryLimit: 16 });
  if (iso.compileScriptSync('6*7').runSync(iso.createContextSync()) !== 42) process.exit(3);
  console.log('sqlite ' + row.v + ', isolated-vm ok');
  db.close();
});`;
	const r = spawnSync(node.bin, ['-e', script], {
		cwd: dir,
		encoding: 'utf8',
		env: cleanEnv(node),
	});
	return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

async function buildSqlite(node, dir) {
	say(
		`building sqlite3 from source for Node ${node.version} (${SQLITE_TIME}; needs g++, make, python3)`,
	);
	const done = progress('sqlite3 build');
	try {
		await runCommand('npm', ['rebuild', 'sqlite3', '--build-from-source'], {
			cwd: dir,
			env: cleanEnv(node),
			logFile: path.join(dir, 'install.log'),
		});
	} finally {
		done();
	}
}

/** Installs what is missing; returns { dir, bin, timings: { install?, sqlite3? } } (seconds). */
export async function ensureApp(pin, node) {
	const dir = appDir(pin);
	const stampFile = path.join(dir, '.installed.json');
	const nativeStamp = path.join(dir, '.native-ok');
	const lockFile = checkLockfile(pin);
	const wanted = { n8n: pin.n8n, lock: sha256(lockFile) };
	const stamp = readJson(stampFile, {});
	const installed = readJson(path.join(dir, 'node_modules', 'n8n', 'package.json'), {}).version;
	const timings = {};
	fs.mkdirSync(dir, { recursive: true });
	if (installed !== pin.n8n || stamp.n8n !== wanted.n8n || stamp.lock !== wanted.lock) {
		fs.rmSync(stampFile, { force: true });
		fs.rmSync(nativeStamp, { force: true });
		const started = Date.now();
		await installFromLockfile(pin, node, lockFile);
		timings.install = (Date.now() - started) / 1000;
	}
	if (readJson(nativeStamp, {}).node !== node.bin + node.version || !checkNative(node, dir).ok) {
		if (!checkNative(node, dir).ok) {
			const started = Date.now();
			await buildSqlite(node, dir);
			timings.sqlite3 = (Date.now() - started) / 1000;
		}
		const after = checkNative(node, dir);
		if (!after.ok)
			throw new Error(`native modules do not load with Node ${node.version}:\n${after.output}`);
		say(after.output);
		writeJson(nativeStamp, { node: node.bin + node.version });
	}
	if (!fs.existsSync(stampFile)) writeJson(stampFile, { ...wanted, at: new Date().toISOString() });
	return { dir, bin: n8nBin(pin), timings };
}
