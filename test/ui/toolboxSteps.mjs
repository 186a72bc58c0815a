// The UI steps of the SMS, Phone Number and One-Time Code operations: before a run, each node's
// input panel previews the output fields of the operation before it, from the package's output
// schema; then one run executes them all against the mock.
import assert from 'node:assert/strict';

import { closeNode, executeStep, openNode, openWorkflow, rest, testId } from './editor.mjs';
import { TOOLBOX_NODES, toolboxWorkflow } from './workflows.mjs';

const SCHEMAS = '/schemas/n8n-nodes-decisiontelecom.decisionTelecom/1.0.0/';

/** A field of each operation's output (and of its schema), by node name. */
const OUTPUT_FIELD = {
	'Send SMS': 'partCount',
	'SMS Status': 'statusDescription',
	'Look Up': 'reachableMobile',
	'Send Code': 'verificationId',
	'Check Code': 'result',
};

async function previewSchemas({ page, n8n, state, shot }) {
	const { id } = await rest(page, 'POST', 'workflows', toolboxWorkflow(state.credential));
	state.toolboxWorkflow = id;
	await openWorkflow(page, n8n.baseUrl, id);
	const following = [...TOOLBOX_NODES.slice(1).map(([name]) => name), 'Done'];
	for (const [index, [parent, resource, operation]] of TOOLBOX_NODES.entries()) {
		const path = `${SCHEMAS}${resource}/${operation}.json`;
		const schema = page.waitForResponse((r) => r.url().endsWith(path));
		await openNode(page, following[index]);
		assert.equal((await schema).status(), 200, `${path} (the input of ${following[index]})`);
		const input = page.locator(testId('ndv-input-panel'));
		await input.getByText(OUTPUT_FIELD[parent]).first().waitFor();
		await shot(`schema-${resource}-${operation}`);
		await closeNode(page);
	}
}

async function runToolbox({ page, mock, shot }) {
	// Executing the last node runs every node before it.
	await openNode(page, 'Done');
	await executeStep(page, /1 item/);
	await closeNode(page);
	for (const [name, resource, operation] of TOOLBOX_NODES) {
		await openNode(page, name);
		await page.locator(testId('output-panel')).filter({ hasText: OUTPUT_FIELD[name] }).waitFor();
		await shot(`run-${resource}-${operation}`);
		await closeNode(page);
	}
	const paths = mock.requests().map((r) => r.path);
	for (const path of ['send-sms', 'status', 'hlr', 'two-factor-auth', 'get-pin'])
		assert.ok(paths.includes(`/v1/api/${path}`), `the mock got ${path}`);
}

export const TOOLBOX_STEPS = [
	[
		'SMS, Look Up and One-Time Code: each input panel previews the previous operation from its output schema',
		previewSchemas,
	],
	['SMS, Look Up and One-Time Code run from the editor against the mock', runToolbox],
];
