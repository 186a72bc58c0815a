// Section 5: the trigger's exact-id JSON reader (parseExactJson, from the package as built for n8n)
// against plain JSON.parse on 4 MB callback bodies. Pure CPU in this process: both parsers read
// the same body in turn, round after round, and each round gives one ratio (reader / JSON.parse);
// the report takes the medians, so a busy moment spoils one round, not the result.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { REPO_ROOT } from '../scripts/n8n/paths.mjs';
import { QUICK } from './settings.mjs';

const BODY_BYTES = 4 * 1024 * 1024;
const ROUNDS = QUICK ? 5 : 21;
/** The bound: the reader at least a third as fast as JSON.parse. */
const MAX_RATIO = 3;
const BIG_ID = 9007199254740993n;

/** Repeats `entry(i)` into a JSON array of about BODY_BYTES. */
function arrayOf(entry) {
	const parts = [];
	let bytes = 2;
	for (let i = 0; bytes < BODY_BYTES; i++) {
		parts.push(entry(i));
		bytes += parts[i].length + 1;
	}
	return `[${parts.join(',')}]`;
}

const BODIES = [
	{
		label: 'status callbacks, every id above 2^53 (each one rewritten)',
		text: () =>
			arrayOf((i) => {
				const id = BIG_ID + BigInt(i);
				return `{"message_id":${id},"status":2,"sms_message_id":${id},"sms_message_status":3}`;
			}),
	},
	{
		label: '2-way replies whose texts hold 16-digit runs and escaped quotes (all inside strings)',
		text: () =>
			arrayOf(
				(i) =>
					`{"message_token":${i},"text":"order 1234567890123456 \\"shipped\\" \\\\","tracking_data":"9007199254740993"}`,
			),
	},
	{
		label: 'status callbacks with small ids (no 16-digit run: straight to JSON.parse)',
		text: () => arrayOf((i) => `{"message_id":${i},"status":2}`),
	},
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timed(parse, text) {
	const start = performance.now();
	parse(text);
	return performance.now() - start;
}

/** Fills results.s5: per body its size and the median times and ratio of the rounds. */
export function readerSection(results) {
	const require = createRequire(import.meta.url);
	const { parseExactJson } = require(
		path.join(REPO_ROOT, 'dist', 'nodes', 'DecisionTelecom', 'shared', 'exactJson.js'),
	);
	for (const body of BODIES) {
		const text = body.text();
		const rounds = Array.from({ length: ROUNDS }, () => {
			const jsonParseMs = timed(JSON.parse, text);
			const readerMs = timed(parseExactJson, text);
			return { jsonParseMs, readerMs, ratio: readerMs / jsonParseMs };
		});
		results.s5.push({
			label: body.label,
			bytes: text.length,
			rounds: ROUNDS,
			jsonParseMs: median(rounds.map((r) => r.jsonParseMs)),
			readerMs: median(rounds.map((r) => r.readerMs)),
			ratio: median(rounds.map((r) => r.ratio)),
		});
	}
}

/** bench/results.md, section 5. */
export function readerReport(results) {
	if (!results.s5?.length) return [];
	const rows = results.s5.map(
		(r) =>
			`| ${r.label} | ${(r.bytes / 1024 / 1024).toFixed(1)} | ${r.jsonParseMs.toFixed(1)} | ${r.readerMs.toFixed(1)} | ${r.ratio.toFixed(2)}× | ${r.ratio <= MAX_RATIO ? 'met' : 'missed'} |`,
	);
	return [
		"## 5. The trigger's exact-id JSON reader on 4 MB bodies",
		'',
		`The trigger reads callback bodies with \`parseExactJson\` (ids above 2^53 kept exact as text) from the package as built for n8n, in the bench process. Each body is read by JSON.parse and then by the reader, ${results.s5[0].rounds} rounds; the table gives the medians of the times and of the per-round ratios. Target: the reader at least a third as fast as JSON.parse (ratio at most ${MAX_RATIO}×).`,
		'',
		'| Body | MB | JSON.parse (ms) | Exact-id reader (ms) | Reader / JSON.parse | Target |',
		'|---|---:|---:|---:|---:|---|',
		...rows,
		'',
	];
}
