// Send Once Per Key in the real n8n, with n8n's own deduplication store in its database: the same
// input run twice sends once; Retry On Fail with keys sends each message exactly once after a
// failure; Retry On Fail without keys is refused before any request.
import assert from 'node:assert/strict';

import { TWO_WAY_SEND, actionNode, chain, codeNode } from '../fixtures.mjs';
import { nodeOutput, runError } from '../inspect.mjs';

export const phase = 'cli';

const ORDERS =
	'return [101, 102, 103, 104, 105].map((n) => ({ json: { orderId: n, to: `38050000${n}00` } }));';
const KEYED = {
	...TWO_WAY_SEND,
	recipient: '={{ $json.to }}',
	options: {
		sendOnce: {
			values: { key: '={{ $json.orderId }}-shipped', scope: 'node', rememberLast: 10000 },
		},
	},
};
const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };

export function workflows() {
	const orders = (n) => codeNode(`c0000000-0000-4000-8000-00000000010${n}`, 'Orders', ORDERS);
	return {
		e2eSendOnce: chain('e2eSendOnce', 'E2E send once', [
			orders(1),
			actionNode('Send keyed', KEYED),
		]),
		e2eSendOnceRetry: chain('e2eSendOnceRetry', 'E2E send once, Retry On Fail', [
			orders(2),
			actionNode('Send keyed, retried', KEYED, undefined, RETRY),
		]),
		e2eRetryNoKeys: chain('e2eRetryNoKeys', 'E2E Retry On Fail without keys', [
			orders(3),
			actionNode(
				'Send retried',
				{ ...TWO_WAY_SEND, recipient: '={{ $json.to }}' },
				undefined,
				RETRY,
			),
		]),
	};
}

const sends = (mock) => mock.requests().filter((r) => r.path === '/v1/api/send-viber');

export async function run({ check, n8n, mock }) {
	mock.reset();
	await check('Send Once Per Key: the same input run twice sends each message once', async () => {
		await n8n.execute('e2eSendOnce');
		const { run } = await n8n.execute('e2eSendOnce');
		assert.equal(sends(mock).length, 5, `the mock received ${sends(mock).length} sends`);
		assert.equal(mock.counters().duplicates, 0);
		const second = nodeOutput(run, 'Send keyed');
		assert.deepEqual(
			second.map((item) => [item.skipped, item.sendOnceKey]),
			[101, 102, 103, 104, 105].map((n) => [true, `${n}-shipped`]),
		);
	});

	mock.reset({
		faults: [
			{ type: 'none', times: 2 },
			{ type: 'invalidParameter', param: 'text', http: 400 },
		],
	});
	await check(
		'Send Once Per Key with Retry On Fail: after an injected failure n8n retries the node and each message is sent exactly once',
		async () => {
			const { run } = await n8n.execute('e2eSendOnceRetry');
			assert.equal(runError(run), undefined, JSON.stringify(runError(run)));
			assert.equal(mock.counters().accepted, 5, `accepted ${mock.counters().accepted}`);
			assert.equal(mock.counters().duplicates, 0);
			assert.equal(sends(mock).length, 6, 'five accepted sends and the refused one');
		},
	);

	mock.reset();
	await check('Retry On Fail without keys is refused before any request', async () => {
		const { run } = await n8n.execute('e2eRetryNoKeys');
		assert.match(String(runError(run)?.message), /Retry On Fail would send messages twice/);
		assert.equal(mock.requests().length, 0);
	});
}
