// Regenerates scripts/n8n/app-<line>/package.json + package-lock.json for the n8n version that
// scripts/n8n/versions.mjs pins for that line.
// Usage: node scripts/n8n/update-lock.mjs [line]   (default: the default line; needs the npm
// registry; takes a few minutes)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { cleanEnv, runCommand } from './commands.mjs';
import { writeJson } from './files.mjs';
import { progress, say } from './log.mjs';
import { ensureNode } from './node-runtime.mjs';
import { pinOf } from './versions.mjs';

const pin = pinOf(process.argv[2]);
const node = await ensureNode(pin.node);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-lock-'));
writeJson(path.join(dir, 'package.json'), {
	name: 'n8n-local-app',
	version: '1.0.0',
	private: true,
	...(pin.overrides && { overrides: pin.overrides }),
});
say(`resolving n8n@${pin.n8n} in ${dir} ...`);
const done = progress('npm install');
try {
	const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact'];
	await runCommand('npm', [...args, `n8n@${pin.n8n}`], {
		cwd: dir,
		env: cleanEnv(node),
		logFile: path.join(dir, 'install.log'),
	});
} finally {
	done();
}
fs.mkdirSync(pin.lockDir, { recursive: true });
for (const f of ['package.json', 'package-lock.json'])
	fs.copyFileSync(path.join(dir, f), path.join(pin.lockDir, f));
fs.rmSync(dir, { recursive: true, force: true });
say(`updated ${pin.lockDir}; commit package.json and package-lock.json there`);
