#!/usr/bin/env node
// `npm start`: build + pack this package, install it into a local n8n (pinned in
// scripts/n8n/versions.mjs) the way n8n's community-package installer does, and run that n8n on
// 127.0.0.1 with SQLite, offline, with a ready-made owner login. Ctrl-C stops it; so do SIGINT,
// SIGTERM and SIGHUP sent to npm alone, and npm going away (scripts/n8n/cleanup.mjs).
//
// Environment (all optional):
//   DECISIONTELECOM_N8N_CACHE           cache folder (default ~/.cache/n8n-nodes-decisiontelecom)
//   DECISIONTELECOM_N8N_PORT            editor/API/webhook port (default 5678)
//   DECISIONTELECOM_N8N_BROKER_PORT     task-runner broker port (default port + 1)
//   DECISIONTELECOM_N8N_INSTANCE        instance name, i.e. a separate database (default "default")
//   DECISIONTELECOM_N8N_OWNER_EMAIL     login e-mail (default admin@example.com)
//   DECISIONTELECOM_N8N_OWNER_PASSWORD  login password (default Decision-n8n-1)
// Flags: --install-only (prepare Node + n8n, then exit)
import path from 'node:path';

import { cleanup, isStopping, stopOnSignals } from './n8n/cleanup.mjs';
import { bootN8n } from './n8n/instance.mjs';
import { minutesAndSeconds, say } from './n8n/log.mjs';
import { cacheRoot } from './n8n/paths.mjs';
import { portInUse } from './n8n/ports.mjs';
import { ensureRuntime } from './n8n/runtime.mjs';

// measured on a loaded 2-core machine (README, "Run a local n8n with the package")
const FIRST_RUN =
	'the first run installs Node and n8n: 6 to 8 minutes measured, up to 15 when busy';
const LATER_RUN = 'later runs are ready in 30 to 50 seconds';

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

function settings() {
	const env = process.env;
	const port = Number(env.DECISIONTELECOM_N8N_PORT || 5678);
	return {
		ports: { port, brokerPort: Number(env.DECISIONTELECOM_N8N_BROKER_PORT || port + 1) },
		home: path.join(cacheRoot(), 'instances', env.DECISIONTELECOM_N8N_INSTANCE || 'default'),
		owner: {
			email: env.DECISIONTELECOM_N8N_OWNER_EMAIL || 'admin@example.com',
			password: env.DECISIONTELECOM_N8N_OWNER_PASSWORD || 'Decision-n8n-1',
		},
	};
}

async function checkPorts({ port, brokerPort }) {
	for (const p of [port, brokerPort])
		if (await portInUse(p))
			throw new Error(
				`port ${p} on 127.0.0.1 is in use (another n8n?); ` +
					'set DECISIONTELECOM_N8N_PORT / DECISIONTELECOM_N8N_BROKER_PORT',
			);
}

function banner(n8n, { owner }, timings) {
	const line = '='.repeat(72);
	const [pkg] = n8n.installed;
	const installSeconds = (timings.install ?? 0) + (timings.sqlite3 ?? 0);
	const install = installSeconds
		? `  This first run installed n8n in ${minutesAndSeconds(installSeconds)}; ${LATER_RUN}.\n`
		: '';
	console.log(
		`\n${line}\n` +
			`  n8n ${n8n.runtime.pin.n8n} with ${pkg.name}@${pkg.version} is running (ready in ${seconds()} s)\n\n` +
			`  Editor:    ${n8n.baseUrl}\n` +
			`  Login:     ${owner.email}\n` +
			`  Password:  ${owner.password}\n\n` +
			`  Data:      ${n8n.userFolder}\n` +
			install +
			'  Stop with Ctrl-C. Run npm start again after a code change: it rebuilds and reinstalls.\n' +
			`${line}\n`,
	);
}

async function main() {
	const config = settings();
	let n8n;
	stopOnSignals({
		before: (reason) =>
			say(`${reason}: stopping${n8n?.server ? ` n8n (PID ${n8n.server.pid})` : ''} ...`),
		after: () => (say('stopped'), n8n?.server ? 0 : 130),
	});
	say(`cache: ${cacheRoot()} (${FIRST_RUN}; ${LATER_RUN})`);
	const runtime = await ensureRuntime();
	say(`Node ${runtime.node.version} and n8n ${runtime.pin.n8n} ready (${seconds()} s)`);
	if (process.argv.includes('--install-only')) return 0;
	await checkPorts(config.ports);
	say(
		`building, packing and installing the package, then starting n8n on port ${config.ports.port} ...`,
	);
	n8n = await bootN8n({ ...config, runtime, echo: true });
	banner(n8n, config, runtime.app.timings);
	const exit = await n8n.server.exited;
	if (isStopping()) return 0;
	say(`n8n exited on its own (${exit.code ?? exit.signal}); log: ${n8n.logs.server}`);
	return exit.code || 1;
}

main().then(
	async (code) => {
		await cleanup();
		process.exit(code);
	},
	async (err) => {
		console.error(`[n8n-local] ERROR: ${err.message}`);
		await cleanup();
		process.exit(1);
	},
);
