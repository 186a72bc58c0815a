import { ExecuteContext } from 'n8n-core';
import { WorkflowExpression } from 'n8n-workflow';

import { mockApi, runDecisionTelecom, sendParameters } from '../helpers/workflowHarness';

/**
 * n8n resolves every getNodeParameter call through its expression evaluator. Parameters without
 * an expression are the same for every item, so the node must resolve them once per run, not once
 * per item; expressions that only copy item fields are resolved by n8n for one item and read from
 * the others; other expressions are resolved per item. Counted, not timed.
 */
describe('Send: reading parameters for many items', () => {
	const ITEMS = 20;
	// the first run in a file loads n8n's engine, slow on a loaded machine: a cap, not a measurement
	const CAP_MS = 120_000;

	test(
		'plain parameters and field copies go through the evaluator once per run, other expressions once per item',
		async () => {
			const resolved = jest.spyOn(WorkflowExpression.prototype, 'getParameterValue');
			const nodeCopies = jest.spyOn(ExecuteContext.prototype, 'getNode');
			const bodies: Array<Record<string, unknown>> = [];
			mockApi()
				.post('/v1/api/send-viber', (body: Record<string, unknown>) => bodies.push(body) > 0)
				.times(ITEMS)
				.reply(200, () => ({ message_id: 429 }));
			const parameters = sendParameters({
				recipient: '={{ $json.recipient }}',
				sender: '={{ "Custom " + $json.company }}',
				text: '=Order {{ $json.n }} is ready',
				additionalFields: { validityPeriod: 3600 },
				options: { maxConcurrentRequests: 5 },
			});
			const items = Array.from({ length: ITEMS }, (_, n) => ({
				recipient: `3805044${String(n).padStart(5, '0')}`,
				company: 'company',
				n,
			}));

			const { output, error } = await runDecisionTelecom({ items, parameters });

			expect(error).toBeUndefined();
			expect(output).toHaveLength(ITEMS);
			// top-level calls only: the evaluator also calls itself for each entry of a collection
			const topLevel = resolved.mock.calls.map(([value]) => value);
			const count = (value: unknown) => topLevel.filter((v) => v === value).length;
			const collections = (key: string) =>
				topLevel.filter((v) => typeof v === 'object' && v !== null && key in v).length;
			expect(count('text')).toBe(1);
			expect(collections('validityPeriod')).toBe(1);
			expect(collections('maxConcurrentRequests')).toBe(1);
			expect(count('={{ "Custom " + $json.company }}')).toBe(ITEMS);
			expect(count('={{ $json.recipient }}')).toBe(1);
			expect(count('=Order {{ $json.n }} is ready')).toBe(1);
			const sent = (n: number) => ({
				destination_addr: items[n].recipient,
				source_addr: 'Custom company',
				text: `Order ${n} is ready`,
			});
			const expected = items.map((_, n) => expect.objectContaining(sent(n)));
			expect(bodies).toEqual(expect.arrayContaining(expected));
			expect(bodies).toHaveLength(ITEMS);
			// getNode() copies the node: asked once per parameter name, not once per item
			expect(nodeCopies.mock.calls.length).toBeLessThan(ITEMS);
			resolved.mockRestore();
			nodeCopies.mockRestore();
		},
		CAP_MS,
	);
});
