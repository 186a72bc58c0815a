// After the server has stopped: no secret in stored executions or logs, and nothing left 127.0.0.1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { ACCESS_KEY, CALLBACK_SECRET } from '../fixtures.mjs';

export const phase = 'after';

const SECRETS = [
	['access key', ACCESS_KEY],
	['callback secret', CALLBACK_SECRET],
];

/** Every *.log under `dir`, except in installed packages and n8n's cache. */
function logFilesUnder(dir) {
	const found = [];
	for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'cache')
			found.push(...logFilesUnder(full));
		else if (entry.isFile() && entry.name.endsWith('.log')) found.push(full);
	}
	return found;
}

function secretsIn(text, where) {
	return SECRETS.filter(([, secret]) => text.includes(secret)).map(
		([label]) => `${label} in ${where}`,
	);
}

export async function run({ check, n8n, netlog }) {
	await check(
		'access key and callback secret appear nowhere in stored execution data or n8n logs',
		async () => {
			const rows = n8n.sql('select executionId, data, workflowData from execution_data');
			assert.ok(rows.length >= 5, `only ${rows.length} executions stored`);
			// positive control: the search does see stored data (an id the mock handed out)
			assert.ok(
				rows.some((row) => String(row.data).includes('9007199254740993')),
				'stored execution data not readable',
			);
			const found = rows.flatMap((row) =>
				secretsIn(`${row.data}${row.workflowData}`, `execution ${row.executionId}`),
			);
			const logFiles = [
				n8n.logs.server,
				n8n.logs.cli,
				...logFilesUnder(path.join(n8n.userFolder, '.n8n')),
			];
			for (const file of logFiles.filter((f) => fs.existsSync(f)))
				found.push(...secretsIn(fs.readFileSync(file, 'utf8'), path.relative(n8n.home, file)));
			assert.deepEqual(found, []);
		},
	);

	await check(
		'no connection or DNS lookup left 127.0.0.1 (network log of every n8n process)',
		async () => {
			const loadedIn = fs.existsSync(`${netlog}.loaded`)
				? fs.readFileSync(`${netlog}.loaded`, 'utf8').trim().split('\n')
				: [];
			assert.ok(
				loadedIn.length >= 6,
				`the network-log preload ran in only ${loadedIn.length} processes`,
			);
			const entries = fs.existsSync(netlog) ? fs.readFileSync(netlog, 'utf8').trim() : '';
			assert.equal(entries, '', `outbound attempts:\n${entries.slice(0, 3000)}`);
		},
	);
}
