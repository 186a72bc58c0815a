// Shared helpers for `npm start` (scripts/start.mjs) and `npm run test:e2e` (test/e2e/run.mjs):
// a pinned Node 24 + n8n in a cache folder outside the repository, the package installed the way
// n8n's community-package installer does it, and an offline n8n on 127.0.0.1.
// Plain Node.js ESM without dependencies; runs on Node 20 or newer.
// Background: shared/reference/real-n8n-offline.md.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { pinOf } from './versions.mjs';

export const { n8n: N8N_VERSION, node: NODE_VERSION } = pinOf();

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const APP_TEMPLATE_DIR = pinOf().lockDir;
export const PACKAGE_NAME = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).name;

/** Cache folder (outside the git tree). Override with DECISIONTELECOM_N8N_CACHE. */
export function cacheRoot() {
	return path.resolve(
		process.env.DECISIONTELECOM_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-decisiontelecom'),
	);
}

export function say(message) {
	console.log(`[n8n-local] ${message}`);
}

export function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function sha256(file) {
	return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function readJson(file, fallback) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return fallback;
	}
}

/**
 * Environment for child processes working in the cache folder: no npm_* variables at all (npm
 * exports npm_config_ignore_scripts=true from the repository's .npmrc into `npm start`, which
 * would silently turn `npm rebuild sqlite3` into a no-op), no NODE_OPTIONS, the chosen Node first
 * on PATH, and npm_config_nodedir pointing at that Node's headers (the user's npm config may point
 * at another Node's headers).
 */
export function cleanEnv(node) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
		env[key] = value;
	}
	if (node) {
		env.PATH = [node.binDir, env.PATH || ''].join(path.delimiter);
		if (node.nodedir) env.npm_config_nodedir = node.nodedir;
	}
	return env;
}

/** Run a command; output goes to `logFile` (and the terminal when `echo`). Rejects on failure. */
export function run(cmd, args, { cwd, env, logFile, echo = false, allowFailure = false } = {}) {
	return new Promise((resolve, reject) => {
		const out = logFile ? fs.openSync(logFile, 'a') : undefined;
		if (out !== undefined) fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}  (cwd ${cwd})\n`);
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const onData = (chunk) => {
			if (out !== undefined) fs.writeSync(out, chunk);
			if (echo) process.stdout.write(chunk);
			tail = (tail + chunk.toString()).slice(-4000);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', (err) => {
			if (out !== undefined) fs.closeSync(out);
			reject(err);
		});
		child.on('close', (code, signal) => {
			if (out !== undefined) fs.closeSync(out);
			if (code === 0 || allowFailure) return resolve({ code, signal, tail });
			const err = new Error(
				`${cmd} ${args.join(' ')} failed (exit ${code ?? signal}) in ${cwd}` +
					(logFile ? `; full log: ${logFile}` : '') +
					`\n--- last output ---\n${tail}`,
			);
			err.code = code;
			reject(err);
		});
	});
}

/** A progress line every second on a terminal, every 15 s otherwise (CI logs). */
export function progress(label, measure) {
	const started = Date.now();
	const tty = Boolean(process.stdout.isTTY);
	const render = () => {
		const seconds = Math.round((Date.now() - started) / 1000);
		let extra = '';
		try {
			extra = measure ? measure() : '';
		} catch {
			extra = '';
		}
		return `  ${label}: ${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s ${extra}`;
	};
	const timer = setInterval(
		() => (tty ? process.stdout.write(`\r${render()}\x1b[K`) : console.log(render())),
		tty ? 1000 : 15000,
	);
	return () => {
		clearInterval(timer);
		if (tty) process.stdout.write(`\r${render()}\x1b[K\n`);
		return (Date.now() - started) / 1000;
	};
}

// ---------------------------------------------------------------------------------------------
// Install lock (npm start and the e2e suite may run at the same time)

export async function withInstallLock(fn) {
	const root = cacheRoot();
	fs.mkdirSync(root, { recursive: true });
	const lockDir = path.join(root, 'install.lock');
	let warned = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
			const owner = Number(readJson(path.join(lockDir, 'pid'), 0));
			let alive = false;
			try {
				if (owner) {
					process.kill(owner, 0);
					alive = true;
				} else alive = Date.now() - fs.statSync(lockDir).mtimeMs < 10000; // pid not written yet
			} catch {
				alive = false;
			}
			if (!alive) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!warned) say(`waiting for another install (PID ${owner}) to finish ...`);
			warned = true;
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------
// Node 24

function nodePackageName() {
	const os_ = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
	if (!os_) throw new Error(`unsupported platform ${process.platform}`);
	return `node-${os_}-${process.arch}`;
}

function nodeVersionOf(bin) {
	const r = spawnSync(bin, ['-v'], { encoding: 'utf8', env: cleanEnv() });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * The Node that runs n8n: the running Node if it is a 24.x with headers next to it, otherwise
 * Node NODE_VERSION from the npm package node-<os>-<arch>, cached in <cache>/node-<version>.
 * Returns { bin, binDir, nodedir, version }.
 */
export async function ensureNode() {
	const major = Number(process.versions.node.split('.')[0]);
	const prefix = path.resolve(path.dirname(process.execPath), '..');
	if (major === 24 && fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) && !process.env.DECISIONTELECOM_N8N_PINNED_NODE) {
		return { bin: process.execPath, binDir: path.dirname(process.execPath), nodedir: prefix, version: process.version };
	}
	const dir = path.join(cacheRoot(), `node-${NODE_VERSION}`);
	const pkg = nodePackageName();
	const nodedir = path.join(dir, 'node_modules', pkg);
	const bin = path.join(nodedir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
	const node = { bin, binDir: path.dirname(bin), nodedir, version: `v${NODE_VERSION}` };
	if (fs.existsSync(bin) && nodeVersionOf(bin) === `v${NODE_VERSION}`) return node;
	say(`fetching Node ${NODE_VERSION} (npm package ${pkg}) into ${dir} ...`);
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'local-node', version: '1.0.0', private: true }, null, 2)}\n`);
	const done = progress(`Node ${NODE_VERSION}`);
	try {
		await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', `${pkg}@${NODE_VERSION}`], {
			cwd: dir,
			env: cleanEnv(),
			logFile: path.join(dir, 'install.log'),
		});
	} finally {
		done();
	}
	if (nodeVersionOf(bin) !== `v${NODE_VERSION}`) throw new Error(`${bin} does not report v${NODE_VERSION}`);
	return node;
}

// ---------------------------------------------------------------------------------------------
// n8n app

export function appDir() {
	return path.join(cacheRoot(), `n8n-${N8N_VERSION}`);
}

export function n8nBin() {
	return path.join(appDir(), 'node_modules', 'n8n', 'bin', 'n8n');
}

function lockTopLevelCount(lockFile) {
	const lock = readJson(lockFile, { packages: {} });
	// top-level packages npm will install here (optional ones for other platforms are skipped)
	const fits = (list, value) => !Array.isArray(list) || list.some((v) => v === value || (v.startsWith('!') && v.slice(1) !== value));
	return Object.entries(lock.packages || {}).filter(
		([k, p]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(k) && fits(p.os, process.platform) && fits(p.cpu, process.arch) && fits(p.libc, 'glibc'),
	).length;
}

function installedTopLevelCount(dir) {
	const nm = path.join(dir, 'node_modules');
	if (!fs.existsSync(nm)) return 0;
	let n = 0;
	// a package counts once its package.json is unpacked (npm creates the folders early)
	const has = (dir) => fs.existsSync(path.join(dir, 'package.json'));
	for (const entry of fs.readdirSync(nm)) {
		if (entry.startsWith('.')) continue;
		if (entry.startsWith('@')) for (const sub of fs.readdirSync(path.join(nm, entry))) n += has(path.join(nm, entry, sub)) ? 1 : 0;
		else n += has(path.join(nm, entry)) ? 1 : 0;
	}
	return n;
}

function checkNative(node, dir) {
	const script = `
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(':memory:');
db.get('select sqlite_version() as v', (err, row) => {
  if (err) { console.error(err.message); process.exit(2); }
  const ivm = require('isolated-vm');
  const iso = new ivm.Isolate({ memoryLimit: 16 });
  const r = iso.compileScriptSync('6*7').runSync(iso.createContextSync());
  if (r !== 42) process.exit(3);
  console.log('sqlite ' + row.v + ', isolated-vm ok');
  db.close();
});`;
	const r = spawnSync(node.bin, ['-e', script], { cwd: dir, encoding: 'utf8', env: cleanEnv(node) });
	return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

/**
 * n8n N8N_VERSION in <cache>/n8n-<version>: `npm ci --ignore-scripts` from the committed lockfile
 * (scripts/n8n/app), then sqlite3 rebuilt from source for the chosen Node. Idempotent.
 */
export async function ensureApp(node) {
	const dir = appDir();
	const stampFile = path.join(dir, '.installed.json');
	const templatePkg = readJson(path.join(APP_TEMPLATE_DIR, 'package.json'), {});
	const templateLock = path.join(APP_TEMPLATE_DIR, 'package-lock.json');
	const useLock = templatePkg.dependencies?.n8n === N8N_VERSION && fs.existsSync(templateLock);
	const wanted = { n8n: N8N_VERSION, lock: useLock ? sha256(templateLock) : 'none' };
	const stamp = readJson(stampFile, {});
	const installedVersion = readJson(path.join(dir, 'node_modules', 'n8n', 'package.json'), {}).version;
	const timings = {};
	fs.mkdirSync(dir, { recursive: true });

	if (installedVersion !== N8N_VERSION || stamp.n8n !== wanted.n8n || stamp.lock !== wanted.lock) {
		fs.rmSync(stampFile, { force: true });
		const logFile = path.join(dir, 'install.log');
		const started = Date.now();
		let total;
		if (useLock) {
			fs.copyFileSync(path.join(APP_TEMPLATE_DIR, 'package.json'), path.join(dir, 'package.json'));
			fs.copyFileSync(templateLock, path.join(dir, 'package-lock.json'));
			total = lockTopLevelCount(templateLock);
		} else {
			say(`scripts/n8n/app does not pin n8n ${N8N_VERSION}; resolving it afresh (run scripts/n8n/update-lock.mjs to pin it)`);
			fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'n8n-local-app', version: '1.0.0', private: true }, null, 2)}\n`);
			fs.rmSync(path.join(dir, 'package-lock.json'), { force: true });
		}
		say(`installing n8n ${N8N_VERSION} into ${dir}`);
		say('first run only: about 2-4 minutes and ~3 GB of disk (log: ' + logFile + ')');
		const done = progress('npm ci n8n', () => `${installedTopLevelCount(dir)}${total ? `/${total}` : ''} packages`);
		try {
			const args = useLock
				? ['ci', '--ignore-scripts', '--no-audit', '--no-fund']
				: ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', `n8n@${N8N_VERSION}`];
			await run('npm', args, { cwd: dir, env: cleanEnv(node), logFile });
		} finally {
			done();
		}
		timings.install = (Date.now() - started) / 1000;
		fs.rmSync(path.join(dir, '.native-ok'), { force: true });
	}

	const nativeStamp = path.join(dir, '.native-ok');
	if (readJson(nativeStamp, {}).node !== node.bin + node.version || !checkNative(node, dir).ok) {
		const before = checkNative(node, dir);
		if (!before.ok) {
			say(`building sqlite3 from source for Node ${node.version} (about 1-2 minutes; needs g++, make, python3)`);
			const started = Date.now();
			const done = progress('sqlite3 build');
			try {
				await run('npm', ['rebuild', 'sqlite3', '--build-from-source'], {
					cwd: dir,
					env: cleanEnv(node),
					logFile: path.join(dir, 'install.log'),
				});
			} finally {
				done();
			}
			timings.sqlite3 = (Date.now() - started) / 1000;
		}
		const after = checkNative(node, dir);
		if (!after.ok) throw new Error(`native modules do not load with Node ${node.version}:\n${after.output}`);
		say(after.output);
		fs.writeFileSync(nativeStamp, JSON.stringify({ node: node.bin + node.version }));
	}
	if (!fs.existsSync(stampFile)) fs.writeFileSync(stampFile, `${JSON.stringify({ ...wanted, at: new Date().toISOString() })}\n`);
	return { dir, timings };
}

/** Node + n8n, under the install lock. */
export async function ensureRuntime() {
	return withInstallLock(async () => {
		const node = await ensureNode();
		const app = await ensureApp(node);
		return { node, app };
	});
}

// ---------------------------------------------------------------------------------------------
// The package: build, pack, install like n8n's CommunityPackagesService

/** `npm run build` and `npm pack` in the repository; returns the .tgz path. */
export async function buildAndPack(outDir, { logFile } = {}) {
	fs.mkdirSync(outDir, { recursive: true });
	await run('npm', ['run', 'build'], { cwd: REPO_ROOT, env: process.env, logFile, echo: !logFile });
	const r = spawnSync('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: REPO_ROOT,
		env: process.env,
		encoding: 'utf8',
	});
	if (r.status !== 0) throw new Error(`npm pack failed:\n${r.stdout}\n${r.stderr}`);
	const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	return path.join(outDir, json[0].filename);
}

/** Minimal tar reader for npm tarballs; drops the leading `package/` folder. */
function untar(buffer, dest) {
	const root = path.resolve(dest);
	let offset = 0;
	let longName;
	let paxPath;
	while (offset + 512 <= buffer.length) {
		const header = buffer.subarray(offset, offset + 512);
		if (header.every((b) => b === 0)) break;
		const field = (start, length) => header.subarray(start, start + length).toString('utf8').replace(/\0[\s\S]*$/, '');
		let name = field(0, 100);
		const prefix = field(345, 155);
		if (prefix && field(257, 5) === 'ustar') name = `${prefix}/${name}`;
		const size = parseInt(field(124, 12).trim() || '0', 8);
		const type = header[156] === 0 ? '0' : String.fromCharCode(header[156]);
		const mode = parseInt(field(100, 8).trim() || '644', 8);
		const body = buffer.subarray(offset + 512, offset + 512 + size);
		offset += 512 + Math.ceil(size / 512) * 512;
		if (type === 'L') {
			longName = body.toString('utf8').replace(/\0[\s\S]*$/, '');
			continue;
		}
		if (type === 'x') {
			const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
			if (m) paxPath = m[1];
			continue;
		}
		if (type === 'g') continue;
		if (paxPath) name = paxPath;
		else if (longName) name = longName;
		paxPath = undefined;
		longName = undefined;
		const rel = name.split('/').slice(1).join('/');
		if (!rel) continue;
		const target = path.resolve(root, rel);
		if (!target.startsWith(root + path.sep)) throw new Error(`unsafe path in tarball: ${name}`);
		if (type === '5') fs.mkdirSync(target, { recursive: true });
		else if (type === '0' || type === '7') {
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(target, body, { mode: mode & 0o777 || 0o644 });
		}
	}
}

/**
 * Install a packed tarball into <userFolder>/.n8n/nodes the way n8n 2.41's community-package
 * installer does (real-n8n-offline.md §5.2). Returns { name, version, dir }.
 */
export async function installPackage(userFolder, tgz, node) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const tmp = fs.mkdtempSync(path.join(path.dirname(nodesDir), 'nodes-unpack-'));
	untar(zlib.gunzipSync(fs.readFileSync(tgz)), tmp);
	const pkgFile = path.join(tmp, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	if (!/^(@[^/]+\/)?n8n-nodes-/.test(pkg.name)) throw new Error(`${pkg.name}: n8n loads only packages named n8n-nodes-* or @scope/n8n-nodes-*`);
	if (!Array.isArray(pkg.n8n?.nodes) || pkg.n8n.nodes.length === 0) throw new Error(`${pkg.name}: package.json has no n8n.nodes list`);
	delete pkg.devDependencies;
	delete pkg.peerDependencies;
	delete pkg.optionalDependencies;
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	const dir = path.join(nodesDir, 'node_modules', ...pkg.name.split('/'));
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	fs.renameSync(tmp, dir);
	if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) {
		await run(
			'npm',
			['install', '--ignore-scripts', '--install-strategy=shallow', '--omit=dev', '--package-lock=false', '--bin-links=false', '--audit=false', '--fund=false'],
			{ cwd: dir, env: cleanEnv(node), logFile: path.join(nodesDir, 'install.log') },
		);
	}
	const indexFile = path.join(nodesDir, 'package.json');
	const index = readJson(indexFile, { name: 'installed-nodes', private: true, dependencies: {} });
	index.dependencies = { ...(index.dependencies || {}), [pkg.name]: pkg.version };
	fs.writeFileSync(indexFile, `${JSON.stringify(index, null, 2)}\n`);
	return { name: pkg.name, version: pkg.version, dir };
}

// ---------------------------------------------------------------------------------------------
// n8n processes

/** bcrypt hash (cost 10) made with n8n's own bcryptjs. */
export function bcryptHash(node, password) {
	const r = spawnSync(node.bin, ['-e', "process.stdout.write(require('bcryptjs').hashSync(process.argv[1], 10))", password], {
		cwd: appDir(),
		encoding: 'utf8',
		env: cleanEnv(node),
	});
	if (r.status !== 0 || !r.stdout.startsWith('$2')) throw new Error(`bcrypt hash failed: ${r.stderr}`);
	return r.stdout;
}

/** The full environment of one n8n instance (real-n8n-offline.md §3). */
export function n8nEnv({ node, userFolder, port, brokerPort, ownerEmail, ownerPasswordHash, encryptionKey, preload, extra = {} }) {
	const env = cleanEnv(node);
	for (const key of Object.keys(env)) if (/^(N8N_|DB_|WEBHOOK_URL$|EXECUTIONS_)/.test(key)) delete env[key];
	Object.assign(env, {
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		// no outbound traffic (§3.2)
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_LICENSE_DETACH_FLOATING_ON_SHUTDOWN: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry,instance-ai,agents,chat-hub',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// task runners (§3.3)
		N8N_RUNNERS_MODE: 'internal',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_PYTHON_ENABLED: 'false',
		// owner without the setup screen (§3.4)
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: ownerEmail,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerPasswordHash,
		...extra,
	});
	if (preload) env.NODE_OPTIONS = `--require ${JSON.stringify(preload)}`;
	return env;
}

/** True when something accepts connections on 127.0.0.1:port. */
export function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** A currently free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * Start `n8n start` in its own process group (so a terminal Ctrl-C reaches only us; we forward it
 * once, by PID). Output is appended to logFile and, with `echo`, to the terminal. Resolves once
 * /healthz/readiness answers 200 and the log says "Editor is now accessible".
 */
export async function startServer({ node, env, logFile, echo = false, timeoutMs = 180000 }) {
	const port = Number(env.N8N_PORT);
	if (await portInUse(port)) throw new Error(`port ${port} on 127.0.0.1 is already in use`);
	const out = fs.openSync(logFile, 'a');
	const child = spawn(node.bin, [n8nBin(), 'start'], { env, cwd: env.N8N_USER_FOLDER, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let editorReady = false;
	let buffered = '';
	let exited = null;
	const exitPromise = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			resolve(exited);
		}),
	);
	const onData = (chunk) => {
		fs.writeSync(out, chunk);
		if (echo) process.stdout.write(chunk);
		buffered = (buffered + chunk.toString()).slice(-20000);
		if (!editorReady && buffered.includes('Editor is now accessible')) editorReady = true;
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	exitPromise.then(() => fs.closeSync(out));

	const server = {
		pid: child.pid,
		child,
		port,
		logFile,
		exited: () => exited,
		wait: () => exitPromise,
		output: () => buffered,
		async stop(graceMs = 30000) {
			if (exited) return exited;
			try {
				process.kill(child.pid, 'SIGTERM');
			} catch {
				/* already gone */
			}
			const timer = setTimeout(() => {
				try {
					process.kill(child.pid, 'SIGKILL');
				} catch {
					/* gone */
				}
			}, graceMs);
			const result = await exitPromise;
			clearTimeout(timer);
			return result;
		},
	};
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited) throw new Error(`n8n exited during start (${exited.code ?? exited.signal}); log ${logFile}:\n${buffered.slice(-3000)}`);
		if (Date.now() > deadline) {
			await server.stop();
			throw new Error(`n8n was not ready after ${timeoutMs / 1000} s; log ${logFile}:\n${buffered.slice(-3000)}`);
		}
		if (editorReady) {
			try {
				const res = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
				if (res.status === 200) return server;
			} catch {
				/* not yet */
			}
		}
		await sleep(250);
	}
}

/** Run an n8n CLI command; resolves to { code, stdout, stderr }. */
export function n8nCli(node, env, args, { logFile, timeoutMs = 180000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(node.bin, [n8nBin(), ...args], { env, cwd: env.N8N_USER_FOLDER, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		const timer = setTimeout(() => {
			try {
				process.kill(child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (logFile) fs.appendFileSync(logFile, `\n$ n8n ${args.join(' ')}  -> exit ${code ?? signal}\n${stdout}${stderr}`);
			resolve({ code, signal, stdout, stderr });
		});
		n8nCli.children?.add(child);
		child.on('close', () => n8nCli.children?.delete(child));
	});
}
n8nCli.children = new Set();

/** The execution JSON printed by `n8n execute --rawOutput` (block from line `{` to line `}`). */
export function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((l) => l === '{');
	if (start < 0) return undefined;
	let end = -1;
	for (let i = lines.length - 1; i > start; i--)
		if (lines[i] === '}') {
			end = i;
			break;
		}
	if (end < 0) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}

/** Log in as the owner and create a public-API key (real-n8n-offline.md §4). */
export async function createApiKey(baseUrl, email, password, label = `local-${Date.now()}`) {
	const login = await fetch(`${baseUrl}rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	if (login.status !== 200) throw new Error(`login failed: HTTP ${login.status} ${await login.text()}`);
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const scopes = await (await fetch(`${baseUrl}rest/api-keys/scopes`, { headers: { cookie } })).json();
	const created = await fetch(`${baseUrl}rest/api-keys`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ label, expiresAt: null, scopes: scopes.data }),
	});
	const body = await created.json();
	if (!body.data?.rawApiKey) throw new Error(`API key creation failed: ${JSON.stringify(body)}`);
	return { apiKey: body.data.rawApiKey, cookie };
}

/** Read-only SQL on an instance database with n8n's own sqlite3 module; rows as objects. */
export function sqlQuery(node, dbFile, sql, params = []) {
	const script = `
const sqlite3 = require('sqlite3');
const [file, sql, params] = [process.argv[1], process.argv[2], JSON.parse(process.argv[3])];
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
  if (err) { console.error(err.message); process.exit(2); }
  db.configure('busyTimeout', 5000);
  db.all(sql, params, (e, rows) => {
    if (e) { console.error(e.message); process.exit(3); }
    process.stdout.write(JSON.stringify(rows));
    db.close();
  });
});`;
	const r = spawnSync(node.bin, ['-e', script, dbFile, sql, JSON.stringify(params)], {
		cwd: appDir(),
		encoding: 'utf8',
		env: cleanEnv(node),
		maxBuffer: 256 * 1024 * 1024,
	});
	if (r.status !== 0) throw new Error(`sql failed: ${r.stderr}`);
	return JSON.parse(r.stdout);
}
