// A node package as n8n's community-package installer puts it: packed with `npm pack`, unpacked
// into <userFolder>/.n8n/nodes/node_modules/<name>, without its dev, peer and optional
// dependencies, and recorded in <userFolder>/.n8n/nodes/package.json. n8n loads every
// n8n-nodes-* (or @scope/n8n-nodes-*) folder there when it starts; nothing is hot-reloaded.
import fs from 'node:fs';
import path from 'node:path';

import { cleanEnv, runCommand } from './commands.mjs';
import { readJson, writeJson } from './files.mjs';

/** `npm run build` (when the package has a build script), then `npm pack`; returns the .tgz. */
export async function packPackage(folder, outDir, { logFile } = {}) {
	fs.mkdirSync(outDir, { recursive: true });
	const run = (args) =>
		runCommand('npm', args, { cwd: folder, env: process.env, logFile, echo: !logFile });
	if (readJson(path.join(folder, 'package.json'), {}).scripts?.build) await run(['run', 'build']);
	const before = new Set(fs.readdirSync(outDir));
	await run(['pack', '--pack-destination', outDir]);
	const packed = fs.readdirSync(outDir).filter((f) => f.endsWith('.tgz') && !before.has(f));
	if (packed.length !== 1) throw new Error(`npm pack in ${folder} made ${packed.length} tarballs`);
	return path.join(outDir, packed[0]);
}

/** Unpacks with the system tar, dropping the tarball's leading package/ folder. */
async function unpack(tgz, besideDir, logFile) {
	const dir = fs.mkdtempSync(path.join(path.dirname(besideDir), 'nodes-unpack-'));
	const args = ['-xzf', tgz, '-C', dir, '--strip-components=1', '--no-same-owner'];
	await runCommand('tar', args, { cwd: dir, logFile });
	return dir;
}

function checkLoadable(pkg) {
	if (!/^(@[^/]+\/)?n8n-nodes-/.test(pkg.name))
		throw new Error(`${pkg.name}: n8n loads only packages named n8n-nodes-* or @scope/n8n-nodes-*`);
	if (!Array.isArray(pkg.n8n?.nodes) || pkg.n8n.nodes.length === 0)
		throw new Error(`${pkg.name}: package.json has no n8n.nodes list`);
}

/** Installs a packed .tgz for the n8n in `userFolder`; returns { name, version, dir }. */
export async function installPackage(userFolder, tgz, node) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const logFile = path.join(nodesDir, 'install.log');
	fs.mkdirSync(nodesDir, { recursive: true });
	const unpacked = await unpack(tgz, nodesDir, logFile);
	const pkgFile = path.join(unpacked, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = readJson(pkgFile, {});
	checkLoadable(pkg);
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	const dir = path.join(nodesDir, 'node_modules', ...pkg.name.split('/'));
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	fs.renameSync(unpacked, dir);
	if (Object.keys(pkg.dependencies ?? {}).length > 0) {
		const args = ['install', '--ignore-scripts', '--install-strategy=shallow', '--omit=dev'];
		const quiet = ['--package-lock=false', '--bin-links=false', '--audit=false', '--fund=false'];
		await runCommand('npm', [...args, ...quiet], { cwd: dir, env: cleanEnv(node), logFile });
	}
	const indexFile = path.join(nodesDir, 'package.json');
	const index = readJson(indexFile, { name: 'installed-nodes', private: true, dependencies: {} });
	writeJson(indexFile, {
		...index,
		dependencies: { ...index.dependencies, [pkg.name]: pkg.version },
	});
	return { name: pkg.name, version: pkg.version, dir };
}
