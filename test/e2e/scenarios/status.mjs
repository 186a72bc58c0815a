// Get Status: delivered, undelivered then delivered by SMS, pending, and the raw answer.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { ACCESS_KEY, DELIVERED_BY_SMS, actionNode, basic, sideBySide } from '../fixtures.mjs';
import { assertNoRunError, eachSpec, nodeOutput, pick } from '../inspect.mjs';

const { rawMessageId } = createRequire(import.meta.url)('../../mock/viber.js');

export const phase = 'cli';

const STATUSES = {
	'Status delivered': {
		id: '9007199254741001',
		mock: { status: 1 },
		output: {
			messageId: '9007199254741001',
			viberStatus: 1,
			viberStatusName: 'delivered',
			smsMessageId: null,
			smsStatus: null,
			smsStatusName: null,
			final: true,
			delivered: true,
			deliveredVia: 'viber',
		},
	},
	'Status SMS fallback': {
		id: '430',
		mock: { status: 4, sms_message_id: 36478, sms_message_status: 2 },
		output: { messageId: '430', ...DELIVERED_BY_SMS },
	},
	'Status raw': {
		id: '9007199254741001',
		simplify: false,
		mock: { status: 1 },
		output: {
			messageId: '9007199254741001',
			viberStatus: 1,
			deliveredVia: 'viber',
			raw: { message_id: '9007199254741001', status: 1 },
		},
	},
	'Status pending': {
		id: '431',
		mock: { status: 5 },
		output: {
			messageId: '431',
			viberStatus: 5,
			viberStatusName: 'pending',
			smsMessageId: null,
			smsStatus: null,
			smsStatusName: null,
			final: false,
			delivered: false,
			deliveredVia: 'none',
		},
	},
};

export function workflows() {
	const nodes = Object.entries(STATUSES).map(([name, s]) =>
		actionNode(name, {
			operation: 'getStatus',
			messageId: s.id,
			simplify: s.simplify ?? true,
			options: {},
		}),
	);
	return { e2eStatus: sideBySide('e2eStatus', 'E2E get status', nodes) };
}

export async function run({ check, n8n, mock }) {
	mock.reset({ statuses: Object.fromEntries(Object.values(STATUSES).map((s) => [s.id, s.mock])) });
	await check(
		'Get Status: delivered, undelivered then SMS delivered, pending, raw (simplify off)',
		async () => {
			const { run } = await n8n.execute('e2eStatus');
			assertNoRunError(run);
			const queries = mock.requests().filter((r) => r.path === '/v1/api/receive-viber');
			assert.equal(
				queries.length,
				Object.keys(STATUSES).length,
				`mock received ${queries.length} status requests`,
			);
			eachSpec(STATUSES, (name, spec) => {
				// two nodes ask for the same id; the raw one is the second
				const record = queries.filter((r) => rawMessageId(r.rawBody) === spec.id)[
					spec.simplify === false ? 1 : 0
				];
				const got = queries.map((q) => q.rawBody).join(' ');
				assert.ok(record, `no receive-viber request with message_id ${spec.id}; got ${got}`);
				const body = new RegExp(`^\\{\\s*"message_id"\\s*:\\s*"?${spec.id}"?\\s*\\}$`);
				assert.match(record.rawBody, body, 'request body');
				assert.equal(record.authorization, basic(ACCESS_KEY), 'Authorization header');
				const out = nodeOutput(run, name);
				assert.equal(out.length, 1);
				assert.deepEqual(pick(out[0], Object.keys(spec.output)), spec.output);
			});
		},
	);
}
