// The environment of one n8n instance: loopback only, SQLite in its user folder, nothing that
// calls out, task runners on a loopback broker, and an owner account without the setup screen.
// The server and every CLI command of an instance must see the same settings (the encryption key
// in particular: the CLI imports credentials encrypted with it).
import { cleanEnv } from './commands.mjs';
import { lineEnv } from './lines.mjs';
import { runWithN8nModules } from './runtime.mjs';

// With none of these, n8n 2.41.1 contacted telemetry.n8n.io and ph.n8n.io (diagnostics) and
// api.n8n.io (the mcp-registry module, see lines.mjs); with all of them, the network log of the
// e2e suite stays empty, on 1.123.81 too. They were checked as one set; keep the whole set.
const OFFLINE = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
	N8N_LICENSE_DETACH_FLOATING_ON_SHUTDOWN: 'false',
	N8N_AI_ENABLED: 'false',
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
	// the locally installed package is unverified; n8n must load it
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
	N8N_REINSTALL_MISSING_PACKAGES: 'false',
};

/** bcrypt hash (cost 10) made with n8n's own bcryptjs, as N8N_INSTANCE_OWNER_PASSWORD_HASH wants. */
function bcryptHash(runtime, password) {
	const script = "process.stdout.write(require('bcryptjs').hashSync(process.argv[1], 10))";
	const hash = runWithN8nModules(runtime, script, [password], 'bcrypt hash');
	if (!hash.startsWith('$2')) throw new Error(`bcrypt hash failed: ${hash}`);
	return hash;
}

/**
 * The full environment; `preload` is a CommonJS file every n8n process loads first; `webhookUrl`
 * is the base of Production URLs (default: this instance).
 */
export function n8nEnv({
	runtime,
	userFolder,
	port,
	brokerPort,
	owner,
	encryptionKey,
	preload,
	webhookUrl = `http://127.0.0.1:${port}/`,
	extra = {},
}) {
	const line = runtime.pin.line;
	const ownerEnv = () => ({
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(runtime, owner.password),
	});
	const env = cleanEnv(runtime.node);
	for (const key of Object.keys(env))
		if (/^(N8N_|DB_|WEBHOOK_URL$|EXECUTIONS_)/.test(key)) delete env[key];
	Object.assign(env, {
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false', // the login cookie over plain http
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console', // 'file' would move the CLI's JSON output into the log file
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		...OFFLINE,
		// internal runners are child processes; a CLI command next to a running server needs
		// another broker port than the server's
		N8N_RUNNERS_MODE: 'internal',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_PYTHON_ENABLED: 'false',
		...lineEnv(line, { webhookUrl, ownerEnv }),
		...extra,
	});
	if (preload) env.NODE_OPTIONS = `--require ${JSON.stringify(preload)}`;
	return env;
}
