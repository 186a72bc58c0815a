// The one place where the local n8n is pinned, per n8n major line. Each line has its own Node
// version and its own committed lockfile in scripts/n8n/app-<line>/ (package.json + package-lock.json).
// To add a line, add an entry here, then run `node scripts/n8n/update-lock.mjs <line>` and commit
// scripts/n8n/app-<line>/. To move a line to another version, change it here and run the same command.
// `overrides` go into the app's package.json: n8n-nodes-base 1.x depends on xlsx as a tarball from
// cdn.sheetjs.com, which is not the npm registry; @e965/xlsx is the same release republished there.
import path from 'node:path';

import { REPO_ROOT } from './paths.mjs';

const LINES = {
	// the newest 1.x; n8n 1.x shipped on Node 22 (its engines allow 20.19 to 24)
	1: { n8n: '1.123.81', node: '22.23.5', overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' } },
	2: { n8n: '2.41.1', node: '24.21.0' },
};

const DEFAULT_LINE = '2';

/** The pin of one n8n line: { line, n8n, node, lockDir }. */
export function pinOf(line = DEFAULT_LINE) {
	const pin = LINES[line];
	if (!pin) throw new Error(`no pinned n8n line ${line}; known: ${Object.keys(LINES).join(', ')}`);
	return {
		line: String(line),
		...pin,
		lockDir: path.join(REPO_ROOT, 'scripts', 'n8n', `app-${line}`),
	};
}
