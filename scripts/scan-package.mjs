#!/usr/bin/env node
// Runs the checks of @n8n/scan-community-package (the scanner n8n uses to verify community nodes)
// on this package, offline: once on the source and once on the tarball `npm pack` produces, as
// the scanner does for a published version. Needs `npm run build` first (dist/ goes in the tarball).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function report(label, result) {
	if (result.passed) {
		console.log(`scan ${label}: passed`);
		return true;
	}
	console.error(`scan ${label}: ${result.message}`);
	if (result.details) console.error(result.details);
	return false;
}

if (!existsSync(join(root, 'dist'))) {
	console.error('dist/ is missing: run `npm run build` first.');
	process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'dt-scan-'));
try {
	const sourceOk = report('source', await analyzePackage(root, SOURCE_FILE_PATTERNS));

	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
	const packedOk = report(
		`tarball ${tarball}`,
		await analyzePackage(join(work, 'package'), ['**/*.js', 'package.json']),
	);

	process.exitCode = sourceOk && packedOk ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
