// The Node that runs n8n: the running Node when it is the pinned major with its headers next to
// it, otherwise the pinned version from the npm package node-<os>-<arch> (which has no npm; the
// system npm runs on it), cached in <cache>/node-<version>.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { cleanEnv, runCommand } from './commands.mjs';
import { writeJson } from './files.mjs';
import { progress, say } from './log.mjs';
import { cacheRoot } from './paths.mjs';

function nodePackageName() {
	const system = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
	if (!system) throw new Error(`unsupported platform ${process.platform}`);
	return `node-${system}-${process.arch}`;
}

function versionOf(bin) {
	const r = spawnSync(bin, ['-v'], { encoding: 'utf8', env: cleanEnv() });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The running Node, when it can serve: same major, headers present, not overridden. */
function runningNode(version) {
	const prefix = path.resolve(path.dirname(process.execPath), '..');
	const sameMajor = process.versions.node.split('.')[0] === version.split('.')[0];
	const headers = fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'));
	if (!sameMajor || !headers || process.env.DECISIONTELECOM_N8N_PINNED_NODE) return undefined;
	const binDir = path.dirname(process.execPath);
	return { bin: process.execPath, binDir, nodedir: prefix, version: process.version };
}

/** Returns { bin, binDir, nodedir, version } of a Node `version` (e.g. '24.21.0'). */
export async function ensureNode(version) {
	const running = runningNode(version);
	if (running) return running;
	const dir = path.join(cacheRoot(), `node-${version}`);
	const pkg = nodePackageName();
	const nodedir = path.join(dir, 'node_modules', pkg);
	const bin = path.join(nodedir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
	const node = { bin, binDir: path.dirname(bin), nodedir, version: `v${version}` };
	if (fs.existsSync(bin) && versionOf(bin) === node.version) return node;
	say(`fetching Node ${version} (npm package ${pkg}) into ${dir} ...`);
	fs.mkdirSync(dir, { recursive: true });
	writeJson(path.join(dir, 'package.json'), {
		name: 'local-node',
		version: '1.0.0',
		private: true,
	});
	const done = progress(`Node ${version}`);
	try {
		const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact'];
		await runCommand('npm', [...args, `${pkg}@${version}`], {
			cwd: dir,
			env: cleanEnv(),
			logFile: path.join(dir, 'install.log'),
		});
	} finally {
		done();
	}
	if (versionOf(bin) !== node.version) throw new Error(`${bin} does not report ${node.version}`);
	return node;
}
