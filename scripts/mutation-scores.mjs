#!/usr/bin/env node
// After `stryker run` (npm run test:mutation): each mutated file's score from Stryker's JSON
// report, as Stryker counts it (killed + timed out) / (all − errors − ignored). Fails when any
// file is below 90%: the safety-critical modules must each hold on their own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MINIMUM = 90;
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = JSON.parse(
	fs.readFileSync(path.join(root, 'reports', 'mutation', 'mutation.json'), 'utf8'),
);

const rows = Object.entries(report.files).map(([file, { mutants }]) => {
	const count = (...statuses) =>
		mutants.filter((mutant) => statuses.includes(mutant.status)).length;
	const detected = count('Killed', 'Timeout');
	const valid = mutants.length - count('RuntimeError', 'CompileError', 'Ignored');
	return {
		file: path.relative(root, path.resolve(root, file)),
		score: (100 * detected) / valid,
		detected,
		valid,
		survived: count('Survived'),
		noCoverage: count('NoCoverage'),
	};
});

console.log(
	'| File | Score | Detected / valid mutants | Survived | Not covered |\n|---|---:|---:|---:|---:|',
);
for (const row of rows.sort((a, b) => a.file.localeCompare(b.file))) {
	console.log(
		`| \`${row.file}\` | ${row.score.toFixed(1)}% | ${row.detected} / ${row.valid} | ${row.survived} | ${row.noCoverage} |`,
	);
}
const low = rows.filter((row) => row.score < MINIMUM);
if (low.length > 0) {
	console.error(`\nBelow ${MINIMUM}%: ${low.map((row) => row.file).join(', ')}`);
	process.exit(1);
}
