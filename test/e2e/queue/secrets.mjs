// After the n8n processes have stopped: the access key and the callback secret are in no log of any
// process (main, workers, webhook process, their CLI runs, PostgreSQL, Redis) and in no database
// row in clear text; and nothing left 127.0.0.1 (the network log of every n8n process).
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { ACCESS_KEY, CALLBACK_SECRET } from '../fixtures.mjs';

export const phase = 'after';

const SECRETS = [
	['access key', ACCESS_KEY],
	['callback secret', CALLBACK_SECRET],
];

const found = (text, where) =>
	SECRETS.filter(([, s]) => text.includes(s)).map(([label]) => `${label} in ${where}`);

export async function run({ check, cluster, netlog }) {
	await check(
		'access key and callback secret in no log of any process and in no database row (pg_dump of every table)',
		async () => {
			const dump = cluster.pg.dump();
			// positive controls: the dump holds the run data (an id the mock handed out) and the
			// credential row (encrypted)
			assert.ok(dump.includes('9007199254740993'), 'execution data missing from the dump');
			assert.ok(/DecisionTelecom \(mock\)/.test(dump), 'credential row missing from the dump');
			const problems = found(dump, 'the database');
			const logs = cluster.logFiles();
			// each n8n process, main's CLI runs, PostgreSQL, Redis
			assert.ok(logs.length >= cluster.processes.length + 3, `only ${logs.length} log files`);
			for (const file of logs) problems.push(...found(fs.readFileSync(file, 'utf8'), file));
			assert.deepEqual(problems, []);
		},
	);

	await check(
		'no connection or DNS lookup left 127.0.0.1 (network log of every n8n process)',
		async () => {
			const loadedIn = fs.existsSync(`${netlog}.loaded`)
				? fs.readFileSync(`${netlog}.loaded`, 'utf8').trim().split('\n')
				: [];
			assert.ok(
				loadedIn.length >= 4,
				`the network-log preload ran in only ${loadedIn.length} processes`,
			);
			const entries = fs.existsSync(netlog) ? fs.readFileSync(netlog, 'utf8').trim() : '';
			assert.equal(entries, '', `outbound attempts:\n${entries.slice(0, 3000)}`);
		},
	);
}
