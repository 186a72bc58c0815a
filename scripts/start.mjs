#!/usr/bin/env node
// `npm start`: build + pack this package, install it into a local n8n (pinned in
// scripts/n8n/versions.mjs) the way n8n's community-package installer does, and run that n8n on
// 127.0.0.1 with SQLite, offline, with a ready-made owner login. Ctrl-C stops it.
//
// Environment (all optional):
//   DECISIONTELECOM_N8N_CACHE           cache folder (default ~/.cache/n8n-nodes-decisiontelecom)
//   DECISIONTELECOM_N8N_PORT            editor/API/webhook port (default 5678)
//   DECISIONTELECOM_N8N_BROKER_PORT     task-runner broker port (default port + 1)
//   DECISIONTELECOM_N8N_INSTANCE        instance name, i.e. a separate database (default "default")
//   DECISIONTELECOM_N8N_OWNER_EMAIL     login e-mail (default admin@example.com)
//   DECISIONTELECOM_N8N_OWNER_PASSWORD  login password (default Decision-n8n-1)
// Flags: --install-only (prepare Node + n8n, then exit)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import {
	N8N_VERSION,
	bcryptHash,
	buildAndPack,
	cacheRoot,
	ensureRuntime,
	installPackage,
	n8nEnv,
	portInUse,
	say,
	startServer,
} from './n8n/lib.mjs';

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

async function main() {
	const port = Number(process.env.DECISIONTELECOM_N8N_PORT || 5678);
	const brokerPort = Number(process.env.DECISIONTELECOM_N8N_BROKER_PORT || port + 1);
	const instance = process.env.DECISIONTELECOM_N8N_INSTANCE || 'default';
	const email = process.env.DECISIONTELECOM_N8N_OWNER_EMAIL || 'admin@example.com';
	const password = process.env.DECISIONTELECOM_N8N_OWNER_PASSWORD || 'Decision-n8n-1';

	say(`cache: ${cacheRoot()}`);
	const { node, app } = await ensureRuntime();
	say(`Node ${node.version} and n8n ${N8N_VERSION} ready (${seconds()} s)`);
	if (process.argv.includes('--install-only')) return 0;

	for (const p of [port, brokerPort])
		if (await portInUse(p))
			throw new Error(`port ${p} on 127.0.0.1 is in use (another n8n?); set DECISIONTELECOM_N8N_PORT / DECISIONTELECOM_N8N_BROKER_PORT`);

	const instanceDir = path.join(cacheRoot(), 'instances', instance);
	const userFolder = path.join(instanceDir, 'user');
	const packDir = path.join(instanceDir, 'pack');
	fs.mkdirSync(userFolder, { recursive: true });
	fs.rmSync(packDir, { recursive: true, force: true });

	say('building and packing the package (npm run build, npm pack) ...');
	const tgz = await buildAndPack(packDir, { logFile: path.join(instanceDir, 'build.log') });
	const installed = await installPackage(userFolder, tgz, node);
	say(`installed ${installed.name}@${installed.version} into ${installed.dir} (${seconds()} s)`);

	const keyFile = path.join(instanceDir, 'encryption-key');
	if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
	const env = n8nEnv({
		node,
		userFolder,
		port,
		brokerPort,
		ownerEmail: email,
		ownerPasswordHash: bcryptHash(node, password),
		encryptionKey: fs.readFileSync(keyFile, 'utf8').trim(),
	});

	say(`starting n8n ${N8N_VERSION} on http://127.0.0.1:${port}/ (log also in ${path.join(instanceDir, 'n8n.log')}) ...`);
	let stopping = null;
	let server;
	let lastSignal = 0;
	const onSignal = async (signal) => {
		const now = Date.now();
		if (stopping) {
			// npm forwards the terminal's Ctrl-C too; only a later, separate Ctrl-C forces the stop.
			if (now - lastSignal > 2000 && server) {
				say('forcing n8n to stop (SIGKILL)');
				try {
					process.kill(server.pid, 'SIGKILL');
				} catch {
					/* gone */
				}
			}
			return;
		}
		lastSignal = now;
		if (!server) process.exit(130);
		say(`${signal}: stopping n8n (PID ${server.pid}) ...`);
		stopping = server.stop();
		await stopping;
		say('n8n stopped');
		process.exit(0);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));

	server = await startServer({ node, env, logFile: path.join(instanceDir, 'n8n.log'), echo: true });
	const line = '='.repeat(72);
	console.log(
		`\n${line}\n` +
			`  n8n ${N8N_VERSION} with ${installed.name}@${installed.version} is running (ready in ${seconds()} s)\n\n` +
			`  Editor:    http://127.0.0.1:${port}/\n` +
			`  Login:     ${email}\n` +
			`  Password:  ${password}\n\n` +
			`  Data:      ${userFolder}\n` +
			(app.timings.install ? `  First install took ${Math.round(app.timings.install + (app.timings.sqlite3 || 0))} s; later starts reuse it.\n` : '') +
			`  Stop with Ctrl-C. Run npm start again after a code change: it rebuilds and reinstalls.\n` +
			`${line}\n`,
	);
	const exit = await server.wait();
	if (stopping) {
		say(`n8n stopped (${exit.code ?? exit.signal})`);
		return 0;
	}
	say(`n8n exited on its own (${exit.code ?? exit.signal})`);
	return exit.code || 1;
}

main().then(
	(code) => process.exit(code),
	(err) => {
		console.error(`[n8n-local] ERROR: ${err.message}`);
		process.exit(1);
	},
);
