// Regenerate scripts/n8n/app/package.json + package-lock.json for N8N_VERSION (versions.mjs).
// Usage: node scripts/n8n/update-lock.mjs   (needs the npm registry; takes a few minutes)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { APP_TEMPLATE_DIR, N8N_VERSION, cleanEnv, ensureNode, progress, run, say } from './lib.mjs';

const node = await ensureNode();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-lock-'));
fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'n8n-local-app', version: '1.0.0', private: true }, null, 2)}\n`);
say(`resolving n8n@${N8N_VERSION} in ${dir} ...`);
const done = progress('npm install');
try {
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', `n8n@${N8N_VERSION}`], {
		cwd: dir,
		env: cleanEnv(node),
		logFile: path.join(dir, 'install.log'),
	});
} finally {
	done();
}
fs.mkdirSync(APP_TEMPLATE_DIR, { recursive: true });
for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(dir, f), path.join(APP_TEMPLATE_DIR, f));
fs.rmSync(dir, { recursive: true, force: true });
say(`updated ${APP_TEMPLATE_DIR}; commit package.json and package-lock.json there`);
