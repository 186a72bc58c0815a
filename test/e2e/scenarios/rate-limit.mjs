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
	const fourItems = codeNode(
		'c0000000-0000-4000-8000-000000000003',
		'Four recipients',
		'return [1, 2, 3, 4].map((n) => ({ json: { recipient: `38050000000${n}` } }));',
	);
	const bounded = actionNode(
		'Send bounded',
		{
			...TWO_WAY_SEND,
			recipient: '={{ $json.recipient }}',
			options: { maxConcurrentRequests: 2, rateLimitMaxWait: 3 },
		},
		undefined,
		{ onError: 'continueRegularOutput' },
	);
	return {
		e2eRateLimit: chain('e2eRateLimit', 'E2E rate limit', [sixItems, paced]),
		e2eRateLimitBound: chain('e2eRateLimitBound', 'E2E Rate Limit Max Wait', [fourItems, bounded]),
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

	mock.reset({ faults: [{ type: 'rateLimit', http: 429, times: 1000 }] });
	await check(
		'Rate Limit Max Wait 3 s, every request refused: no item fails sooner, all fail as not sent, items that never got a turn send nothing',
		async () => {
			const { run } = await n8n.execute('e2eRateLimitBound');
			const out = nodeOutput(run, 'Send bounded');
			assert.deepEqual(
				out.map((item) => item.outcome),
				['notSent', 'notSent', 'notSent', 'notSent'],
			);
			for (const item of out)
				assert.match(
					item.error,
					/rate limit held this item back for [\d.]+ s \(Rate Limit Max Wait\); the message was not sent/,
				);
			const reqs = mock.requests();
			assert.deepEqual([...new Set(reqs.map((r) => r.body.destination_addr))].sort(), [
				'380500000001',
				'380500000002',
			]);
			const task = run.data.resultData.runData['Send bounded'][0];
			const firstRefusal = Math.min(...reqs.map((r) => r.respondedAt));
			assert.ok(
				task.startTime + task.executionTime - firstRefusal >= 3000,
				`the node ended ${task.startTime + task.executionTime - firstRefusal} ms after the first refusal`,
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
