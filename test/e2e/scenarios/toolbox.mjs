// SMS, Phone Number and One-Time Code: an SMS sent and its status read, two numbers looked up in
// one request, a code sent and checked (the right code, whose leading zero get-pin loses, and a
// wrong one), and bad input that fails before anything is sent.
import assert from 'node:assert/strict';

import { actionNode, chain, codeNode, workflow } from '../fixtures.mjs';
import { assertNoRunError, bodyEquals, nodeOutput, runError } from '../inspect.mjs';

export const phase = 'cli';

const SMS = {
	resource: 'sms',
	operation: 'send',
	sender: 'InfoItd',
	recipient: '+380 63 213 21 21',
	text: 'Your order is ready',
	options: {},
};
const MOBILE = '380636151111';
const INVALID = '380631111112';
const CODE = '0123';

/** Start -> Send Code -> both Check nodes. */
function codeWorkflow() {
	const send = actionNode('Send Code', {
		resource: 'oneTimeCode',
		operation: 'sendCode',
		phoneNumber: '+380776557788',
		options: {},
	});
	const check = (name, code) =>
		actionNode(name, {
			resource: 'oneTimeCode',
			operation: 'checkCode',
			verificationId: '={{ $json.verificationId }}',
			code,
			options: {},
		});
	const right = check('Check right code', CODE);
	const wrong = check('Check wrong code', '0124');
	const start = chain('e2eCode', 'E2E one-time code', [send]);
	return workflow('e2eCode', 'E2E one-time code', [...start.nodes, right, wrong], {
		...start.connections,
		'Send Code': {
			main: [[right.name, wrong.name].map((node) => ({ node, type: 'main', index: 0 }))],
		},
	});
}

export function workflows() {
	const status = actionNode('SMS status', {
		resource: 'sms',
		operation: 'getStatus',
		messageId: '={{ $json.messageId }}',
		options: {},
	});
	const numbers = codeNode(
		'c0000000-0000-4000-8000-000000000101',
		'Numbers',
		`return [{ json: { phone: '+${MOBILE}' } }, { json: { phone: '${INVALID}' } }];`,
	);
	const lookUp = actionNode('Look Up', {
		resource: 'phoneNumber',
		operation: 'lookUp',
		phoneNumber: '={{ $json.phone }}',
		maxWait: 10,
		options: {},
	});
	const recipients = codeNode(
		'c0000000-0000-4000-8000-000000000102',
		'Recipients',
		"return [{ json: { to: '380632132121' } }, { json: { to: '12' } }];",
	);
	return {
		e2eSms: chain('e2eSms', 'E2E SMS send and status', [actionNode('Send SMS', SMS), status]),
		e2eLookUp: chain('e2eLookUp', 'E2E phone number lookup', [numbers, lookUp]),
		e2eCode: codeWorkflow(),
		e2eToolboxBadInput: chain('e2eToolboxBadInput', 'E2E SMS bad input', [
			recipients,
			actionNode('Send SMS to each', { ...SMS, recipient: '={{ $json.to }}' }),
		]),
	};
}

async function smsSendAndStatus({ check, n8n, mock }) {
	mock.reset({ smsDefaultStatus: 'DELIVRD' });
	await check(
		'SMS: Send posts the documented body; Get Status reads the sent id as delivered',
		async () => {
			const { run } = await n8n.execute('e2eSms');
			assertNoRunError(run);
			const [sent] = mock.requests().filter((r) => r.path === '/v1/api/send-sms');
			bodyEquals(sent, {
				phone: 380632132121,
				sender: 'InfoItd',
				text: 'Your order is ready',
				validity_period: 1440,
			});
			const [output] = nodeOutput(run, 'Send SMS');
			assert.equal(output.messageId, sent.messageId, 'the id the mock gave, every digit');
			assert.equal(output.partCount, 1);
			const statusQueries = mock.requests().filter((r) => r.path === '/v1/api/status');
			assert.deepEqual(
				statusQueries.map((r) => r.query),
				[`?message_id=${sent.messageId}`],
			);
			const [status] = nodeOutput(run, 'SMS status');
			assert.deepEqual(
				{
					messageId: status.messageId,
					status: status.status,
					statusName: status.statusName,
					final: status.final,
					delivered: status.delivered,
				},
				{
					messageId: sent.messageId,
					status: 'DELIVRD',
					statusName: 'delivered',
					final: true,
					delivered: true,
				},
			);
		},
	);
}

async function lookUp({ check, n8n, mock }) {
	mock.reset({
		hlrPendingPolls: 1,
		hlrResults: { [INVALID]: { status: 1, status_message: 'Invalid Number' } },
	});
	await check(
		'Phone Number: two numbers in one hlr request, waited for, read in bulk',
		async () => {
			const { run } = await n8n.execute('e2eLookUp');
			assertNoRunError(run);
			const posts = mock.requests().filter((r) => r.path === '/v1/api/hlr');
			assert.equal(posts.length, 1, `${posts.length} hlr requests`);
			bodyEquals(posts[0], { phones: [Number(MOBILE), Number(INVALID)] });
			const reads = mock.requests().filter((r) => r.path === '/v1/api/hlr-status');
			assert.ok(reads.length >= 2, `${reads.length} hlr-status reads: the first answered "sent"`);
			const ids = reads.map((r) => new URLSearchParams(r.query).get('id'));
			assert.ok(
				ids.every((id) => /^\["\d+","\d+"\]$/.test(id)),
				`bulk form id=["…","…"]: ${ids.join(' ')}`,
			);
			const out = nodeOutput(run, 'Look Up');
			assert.deepEqual(
				out.map((o) => [o.phoneNumber, o.ready, o.reachableMobile, o.statusName, o.network]),
				[
					[MOBILE, true, true, 'success', 'Lifecell'],
					[INVALID, true, false, 'invalid number', null],
				],
			);
		},
	);
}

async function oneTimeCode({ check, n8n, mock }) {
	mock.reset({ nextPins: [CODE] });
	await check(
		'One-Time Code: sent, the right code (leading zero) valid, a wrong one not; the code is in no output',
		async () => {
			const { run } = await n8n.execute('e2eCode');
			assertNoRunError(run);
			const [sent] = mock.requests().filter((r) => r.path === '/v1/api/two-factor-auth');
			bodyEquals(sent, { phone: 380776557788, pin_length: 4, template_id: 0, country_iso: 'en' });
			const [code] = nodeOutput(run, 'Send Code');
			assert.equal(code.verificationId, sent.messageId);
			const reads = mock.requests().filter((r) => r.path === '/v1/api/get-pin');
			assert.equal(reads.length, 2);
			const verifications = await (await fetch(`${mock.url}/__control/verifications`)).json();
			assert.equal(
				verifications[code.verificationId]?.pin,
				CODE,
				'the code sent has a leading zero, which get-pin loses',
			);
			assert.deepEqual(pickCheck(nodeOutput(run, 'Check right code')[0]), {
				valid: true,
				result: 'valid',
			});
			assert.deepEqual(pickCheck(nodeOutput(run, 'Check wrong code')[0]), {
				valid: false,
				result: 'wrongCode',
			});
			for (const name of ['Send Code', 'Check right code', 'Check wrong code']) {
				assert.doesNotMatch(
					JSON.stringify(nodeOutput(run, name)),
					/"(pin|code)"/,
					`${name} outputs no code`,
				);
			}
		},
	);
}

const pickCheck = (output) => ({ valid: output.valid, result: output.result });

async function badInput({ check, n8n, mock }) {
	mock.reset();
	await check(
		"SMS: a bad recipient on item 1 fails naming 'Recipient' and the item; nothing sent",
		async () => {
			const { run, code } = await n8n.execute('e2eToolboxBadInput');
			const error = runError(run);
			assert.ok(error, 'the execution did not fail');
			assert.notEqual(code, 0, 'exit code');
			assert.match(error.message, /^Recipient: .*\[item 1\]$/, `message: ${error.message}`);
			assert.equal(mock.requests().length, 0, `mock received ${mock.requests().length} requests`);
		},
	);
}

export async function run(context) {
	await smsSendAndStatus(context);
	await lookUp(context);
	await oneTimeCode(context);
	await badInput(context);
}
