// What differs between the pinned n8n lines (scripts/n8n/versions.mjs) for a headless instance.
// Checked on n8n 1.123.81 and 2.41.1.

/** The login of the owner: 2.x takes it from the environment; 1.x only from its setup request. */
export function ownerByEnv(line) {
	return line !== '1';
}

/**
 * Settings that only one line knows. 1.x reads the webhook base URL from WEBHOOK_URL only, knows
 * none of 2.x's module names (an unknown one stops it at start), and runs the Code node in its main
 * process unless task runners are enabled.
 */
export function lineEnv(line, { webhookUrl, ownerEnv }) {
	if (line === '1') {
		return { WEBHOOK_URL: webhookUrl, N8N_RUNNERS_ENABLED: 'true' };
	}
	return {
		N8N_WEBHOOK_URL: webhookUrl,
		// with these modules on, 2.41.1 contacted api.n8n.io (mcp-registry)
		N8N_DISABLED_MODULES: 'mcp-registry,instance-ai,agents,chat-hub',
		...ownerEnv(),
	};
}

/** CLI arguments that make a workflow active from the next start on. */
export function publishArgs(line, id) {
	return line === '1'
		? ['update:workflow', `--id=${id}`, '--active=true']
		: ['publish:workflow', `--id=${id}`];
}

/** n8n 1.x: creates the owner through the setup request, which answers only while there is none. */
export async function setUpOwner(baseUrl, { email, password }) {
	const res = await fetch(`${baseUrl}rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password, firstName: 'Local', lastName: 'Owner' }),
	});
	const text = await res.text();
	if (res.status === 200 || /already setup/i.test(text)) return;
	throw new Error(`owner setup failed: HTTP ${res.status} ${text.slice(0, 300)}`);
}
