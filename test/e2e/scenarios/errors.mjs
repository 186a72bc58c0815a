// Errors: bad input fails before anything is sent, a wrong key is named as such, and Continue
// On Fail gives one error item while the other items are sent.
import assert from 'node:assert/strict';

import {
	CRED,
	CRED_WRONG,
	TWO_WAY_SEND,
	WRONG_KEY,
	actionNode,
	basic,
	chain,
	codeNode,
} from '../fixtures.mjs';
import { assertNoRunError, messageIdSentTo, nodeOutput, runError } from '../inspect.mjs';

export const phase = 'cli';

export function workflows() {
	const bad = actionNode('Send bad recipient', { ...TWO_WAY_SEND, recipient: 'abc' });
	const wrongKey = actionNode('Send with wrong key', TWO_WAY_SEND, CRED_WRONG);
	const items = codeNode(
		'c0000000-0000-4000-8000-000000000001',
		'Three recipients',
		"return [{ json: { recipient: '380501111111', n: 7 } }, { json: { recipient: 'abc', n: 8 } }, { json: { recipient: '380502222222', n: 'A-9' } }];",
	);
	const each = actionNode(
		'Send each',
		// expressions that only copy item fields: after one item n8n's evaluator no longer reads them
		{ ...TWO_WAY_SEND, recipient: '={{ $json.recipient }}', text: '=Order {{ $json.n }} shipped' },
		CRED,
		{
			onError: 'continueRegularOutput',
		},
	);
	return {
		e2eBadInput: chain('e2eBadInput', 'E2E bad input', [bad]),
		e2eWrongKey: chain('e2eWrongKey', 'E2E wrong key', [wrongKey]),
		e2eContinueOnFail: chain('e2eContinueOnFail', 'E2E continue on fail', [items, each]),
	};
}

async function badInput({ check, n8n, mock }) {
	mock.reset();
	await check("bad input (recipient 'abc') fails naming 'Recipient'; nothing sent", async () => {
		const { run, code } = await n8n.execute('e2eBadInput');
		const error = runError(run);
		assert.ok(error, 'the execution did not fail');
		assert.notEqual(code, 0, 'exit code');
		assert.match(error.message, /Recipient/, `message: ${error.message}`);
		assert.match(error.message, /\[item 0\]/, `message: ${error.message}`);
		assert.equal(mock.requests().length, 0, `mock received ${mock.requests().length} requests`);
	});
}

async function wrongKey({ check, n8n, mock }) {
	mock.reset();
	await check('wrong access key fails with the key-rejected message', async () => {
		const { run } = await n8n.execute('e2eWrongKey');
		const error = runError(run);
		assert.ok(error, 'the execution did not fail');
		assert.match(error.message, /access key was rejected/i, `message: ${error.message}`);
		const reqs = mock.requests();
		assert.equal(reqs.length, 1, `mock received ${reqs.length} requests`);
		assert.equal(reqs[0].status, 401);
		assert.equal(reqs[0].authorization, basic(WRONG_KEY));
	});
}

async function continueOnFail({ check, n8n, mock }) {
	mock.reset();
	await check('Continue On Fail: per-item error, the other items are sent', async () => {
		const { run } = await n8n.execute('e2eContinueOnFail');
		assertNoRunError(run);
		const out = nodeOutput(run, 'Send each');
		assert.equal(out.length, 3, `${out.length} output items: ${JSON.stringify(out)}`);
		const sends = mock.requests().filter((r) => r.path === '/v1/api/send-viber');
		assert.equal(sends.length, 2, `mock received ${sends.length} send requests`);
		assert.deepEqual(sends.map((r) => [r.body.destination_addr, r.body.text]).sort(), [
			['380501111111', 'Order 7 shipped'],
			['380502222222', 'Order A-9 shipped'],
		]);
		assert.equal(out[0].messageId, messageIdSentTo(sends, '380501111111'));
		assert.equal(out[2].messageId, messageIdSentTo(sends, '380502222222'));
		assert.equal(out[1].messageId, undefined);
		assert.match(String(out[1].error), /Recipient/, `error item: ${JSON.stringify(out[1])}`);
		assert.match(String(out[1].error), /\[item 1\]/, `error item: ${JSON.stringify(out[1])}`);
	});
}

export async function run(context) {
	await badInput(context);
	await wrongKey(context);
	await continueOnFail(context);
}
