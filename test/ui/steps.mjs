// The UI suite's steps, in order; each is one named check with screenshots. A step may leave
// state for the next ones in `ctx.state` (the credential); the Send form stays open from the
// credential step to the input-error step.
import assert from 'node:assert/strict';

import { ACCESS_KEY, WRONG_KEY } from '../e2e/fixtures.mjs';
import {
	choose,
	closeNode,
	executeStep,
	fill,
	login,
	openNode,
	openWorkflow,
	parameterText,
	rest,
	searchNodes,
	showOutputAsJson,
	testId,
	toggle,
} from './editor.mjs';
import { TOOLBOX_STEPS } from './toolboxSteps.mjs';
import { TRIGGER_WEBHOOK_ID, sendWorkflow, statusWorkflow, triggerWorkflow } from './workflows.mjs';

const SEARCH_WORDS = ['Viber', 'SMS', 'text message', '2-way', 'delivery report'];

const KINDS = [
	{ label: 'Text', type: 106, smsFallback: true },
	{ label: 'Text, Image and Button', type: 108, image: true },
	{ label: 'Two-Way Text', type: 206 },
	{ label: 'Two-Way Text, Image and Button', type: 208, image: true },
];

const SEND_SCHEMA =
	'/schemas/n8n-nodes-decisiontelecom.decisionTelecom/1.0.0/viberMessage/send.json';

const sends = (mock) => mock.requests().filter((r) => r.path === '/v1/api/send-viber');

async function logIn({ page, n8n, shot }) {
	await login(page, n8n.baseUrl, n8n.owner);
	await shot('logged-in');
}

async function findNodes({ page, n8n, shot }) {
	await page.goto(`${n8n.baseUrl}workflow/new`);
	await page.click(testId('canvas-plus-button'));
	for (const words of SEARCH_WORDS) {
		await searchNodes(page, words, 'DecisionTelecom');
		if (words === 'Viber' || words === 'SMS') await shot(`search-${words.toLowerCase()}`);
	}
	await page
		.locator(testId('node-creator-item-name'))
		.filter({ hasText: /^DecisionTelecom$/ })
		.first()
		.click();
	// A first step must be a trigger, so the panel lists the node's actions folded.
	await page.getByText(/^Actions \(\d+\)$/).click();
	await page.getByText('Send Viber message', { exact: true }).first().waitFor();
	await shot('actions');
}

const TESTED = {
	error: 'Couldn’t connect with these settings',
	success: 'Connection tested successfully',
};

const banner = (page, outcome) => page.getByText(TESTED[outcome]).filter({ visible: true });

async function createCredential({ page, n8n, mock, state, shot }) {
	const { id } = await rest(page, 'POST', 'workflows', sendWorkflow());
	await openWorkflow(page, n8n.baseUrl, id);
	await openNode(page, 'Send');
	await page.click(testId('node-credentials-empty-state'));
	await fill(page, 'apiKey', WRONG_KEY);
	await fill(page, 'baseUrl', `${mock.url}/v1/api`);
	// Save tests the credential; the banner's Retry button is its Test button.
	await page.click(testId('credential-save-button'));
	await banner(page, 'error').waitFor();
	await page.getByRole('button', { name: 'Retry' }).click();
	await banner(page, 'error').waitFor();
	await shot('credential-wrong-key');
	await fill(page, 'apiKey', ACCESS_KEY);
	await page.getByRole('button', { name: 'Retry' }).click();
	await banner(page, 'success').waitFor();
	await shot('credential-tested');
	// Saving a credential that passes its test closes the dialog.
	await page.click(testId('credential-save-button'));
	await page.locator(testId('credential-save-button')).waitFor({ state: 'hidden' });
	const [credential] = await rest(page, 'GET', 'credentials');
	state.credential = { id: credential.id, name: credential.name };
}

async function fillKind(page, kind) {
	await choose(page, 'messageKind', kind.label);
	if (kind.image) {
		await fill(page, 'imageUrl', 'https://example.com/offer.png');
		await fill(page, 'buttonCaption', 'Join us');
		await fill(page, 'buttonUrl', 'https://example.com/join');
	}
	if (kind.smsFallback) {
		await toggle(page, 'smsFallback');
		await fill(page, 'smsText', 'Hello by SMS');
	}
}

async function sendEveryKind({ page, mock, shot }) {
	await page.getByText('Do not use Retry On Fail').waitFor();
	for (const kind of KINDS) {
		await fillKind(page, kind);
		await executeStep(page, /1 item/);
		await showOutputAsJson(page);
		const output = page
			.locator(testId('output-panel'))
			.filter({ hasText: new RegExp(`"messageType":\\s*${kind.type}\\b`) });
		await output.waitFor();
		assert.match(await output.innerText(), /"messageId":\s*"\d+"/);
		await shot(`send-${kind.type}`);
		assert.equal(sends(mock).at(-1)?.body?.message_type, kind.type);
	}
	assert.equal(sends(mock).length, KINDS.length);
}

async function inputError({ page, mock, shot }) {
	const before = sends(mock).length;
	await fill(page, 'recipient', 'abc');
	await executeStep(page, "Recipient: 'abc' is not a phone number");
	await shot('input-error');
	assert.equal(sends(mock).length, before, 'nothing was sent');
	await closeNode(page);
}

async function getStatus({ page, n8n, state, shot }) {
	const id = (await rest(page, 'POST', 'workflows', statusWorkflow(state.credential))).id;
	await openWorkflow(page, n8n.baseUrl, id);
	// Before a run, the input panel shows Send's output fields from the package's output schema.
	const schema = page.waitForResponse((r) => r.url().endsWith(SEND_SCHEMA));
	await openNode(page, 'Get Status');
	assert.equal((await schema).status(), 200);
	await page.locator(testId('ndv-input-panel')).getByText('messageId').first().waitFor();
	await shot('get-status-input-schema');
	assert.match(await parameterText(page, 'messageId'), /\{\{ \$json\.messageId \}\}/);
	await executeStep(page, /viberStatusName/);
	await shot('get-status');
	await closeNode(page);
}

async function triggerCallback({ page, n8n, state, shot }) {
	const id = (await rest(page, 'POST', 'workflows', triggerWorkflow(state.credential))).id;
	await openWorkflow(page, n8n.baseUrl, id);
	await openNode(page, 'DecisionTelecom Trigger');
	await page.getByText('When will this node trigger my flow?').click();
	await page.getByText("click 'Execute step'").first().waitFor();
	await shot('trigger-panel');
	await page.click(testId('node-execute-button'));
	await page.getByRole('button', { name: 'Stop Listening' }).first().waitFor();
	await shot('trigger-listening');
	const reply = {
		message_token: 44444444444444,
		phone_number: '380504444444',
		time: 2121212121,
		message: { text: 'Yes', tracking_data: 'tracking_id:100035' },
	};
	const answer = await fetch(`${n8n.baseUrl}webhook-test/${TRIGGER_WEBHOOK_ID}/webhook`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(reply),
	});
	assert.equal(answer.status, 200);
	await page.locator(testId('output-panel')).filter({ hasText: 'inboundMessage' }).waitFor();
	await shot('trigger-callback');
}

function noConsoleErrors({ ourErrors }) {
	assert.deepEqual(ourErrors, []);
}

export const STEPS = [
	['log in as the owner', logIn],
	[
		`the node panel finds DecisionTelecom by ${SEARCH_WORDS.map((w) => `"${w}"`).join(', ')}`,
		findNodes,
	],
	[
		'create the credential from the Send form: Test fails with a wrong key, succeeds with the right one',
		createCredential,
	],
	['fill the Send form for every message kind and execute it against the mock', sendEveryKind],
	['an input error shows in the output panel and nothing is sent', inputError],
	['Get Status runs with its default Message ID', getStatus],
	...TOOLBOX_STEPS,
	[
		'the trigger listens on Execute step and shows a callback sent to its Test URL',
		triggerCallback,
	],
	['no console error from the package', noConsoleErrors],
];
