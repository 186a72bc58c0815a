// Rate limit and server errors (faults queued at the mock): every item sent once, none twice,
// and no blind resend after an HTTP 500.
import assert from 'node:assert/strict';

import { TWO_WAY_SEND, actionNode, chain, codeNode } from '../fixtures.mjs';
import { assertNoRunError, messageIdSentTo, nodeOutput, runError } from '../inspect.mjs';

export const phase = 'cli';

const RECIPIENTS = [1, 2, 3, 4, 5, 6].map((n) => `38050000000${n}`);

export function workflows() {
	const sixItems = codeNode(
		'c0000000-0000-4000-8000-000000000002',
		'Six recipients',
		'return [1, 2, 3, 4, 5, 6].map((n) => ({ json: { recipient: `38050000000${n}` } }));',
	);
	const paced = actionNode('Send paced', {
		...TWO_WAY_SEND,
		recipient: '={{ $json.recipient }}',
		options: { maxConcurrentRequests: 3, rateLimitMaxWait: 30 },
	});
	return {
		e2eRateLimit: chain('e2eRateLimit', 'E2E rate limit', [sixItems, paced]),
		e2eSendOne: chain('e2eSendOne', 'E2E send one', [actionNode('Send one', TWO_WAY_SEND)]),
	};
}

export async function run({ check, n8n, mock }) {
	mock.reset({ rateLimitPerSecond: 2, faults: [{ type: 'rateLimit', http: 200, retryAfter: 1 }] });
	await check(
		'rate limit (429 body with HTTP 200, then 2 messages/s): every item sent once, none twice',
		async () => {
			const { run } = await n8n.execute('e2eRateLimit');
			assertNoRunError(run);
			const out = nodeOutput(run, 'Send paced');
			const reqs = mock.requests().filter((r) => r.path === '/v1/api/send-viber');
			const accepted = reqs.filter((r) => r.messageId);
			assert.ok(reqs.length > accepted.length, 'the mock never answered 429');
			assert.equal(mock.counters().accepted, 6, `accepted ${mock.counters().accepted}`);
			assert.equal(mock.counters().duplicates, 0, 'duplicates');
			assert.deepEqual(
				out.map((o) => o.messageId),
				RECIPIENTS.map((recipient) => messageIdSentTo(accepted, recipient)),
			);
		},
	);

	mock.reset({ faults: [{ type: 'serverErrorText' }] });
	await check(
		'HTTP 500 on send: the execution fails and the message is not re-sent blindly',
		async () => {
			const { run } = await n8n.execute('e2eSendOne');
			assert.ok(runError(run), 'the execution did not fail');
			assert.equal(mock.requests().length, 1, `mock received ${mock.requests().length} requests`);
		},
	);
}
