// The running server has loaded the package: both node types and the credential type.
import assert from 'node:assert/strict';

import { ACTION, TRIGGER } from '../fixtures.mjs';

export const phase = 'server';

async function typeNames(n8n, file) {
	const res = await fetch(`${n8n.baseUrl}types/${file}`, { headers: { cookie: n8n.cookie } });
	assert.equal(res.status, 200, `GET /types/${file}: HTTP ${res.status}`);
	return (await res.json()).map((t) => t.name);
}

export async function run({ check, n8n }) {
	await check(
		`n8n loads the package: node types ${ACTION} and ${TRIGGER}, credential decisionTelecomApi`,
		async () => {
			const types = await typeNames(n8n, 'nodes.json');
			const ours = types.filter((t) => t.includes('decision')).join(', ');
			assert.ok(types.includes(ACTION), `${ACTION} missing; ${ours}`);
			assert.ok(types.includes(TRIGGER), `${TRIGGER} missing; ${ours}`);
			const credentialTypes = await typeNames(n8n, 'credentials.json');
			assert.ok(
				credentialTypes.includes('decisionTelecomApi'),
				'credential type decisionTelecomApi missing',
			);
		},
	);
}
