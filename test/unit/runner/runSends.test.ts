import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Run } from '../../../nodes/DecisionTelecom/runner/openRun';
import { runSends, type SendWork } from '../../../nodes/DecisionTelecom/runner/runSends';
import { testNode } from '../../helpers/runnerContext';

// An n8n older than 1.64 gives nodes no deduplication helpers; every n8n the node and e2e tests
// run has them, so only here does a run meet an n8n without the store.
const withoutStore = {
	getNode: () => testNode,
	continueOnFail: () => false,
	helpers: {},
} as unknown as IExecuteFunctions;

const runWithOptions = (options: IDataObject) =>
	({
		params: {
			get: (name: string, _item: number, fallback: unknown) =>
				name === 'options' ? options : fallback,
		},
		settings: { concurrency: 2 },
	}) as unknown as Run;

function countingWork(): SendWork<number> & { sent: number[] } {
	const sent: number[] = [];
	return {
		sent,
		prepare: (itemIndex) => itemIndex,
		send: async (plan) => {
			sent.push(plan);
			return { messageId: plan + 1 };
		},
	};
}

describe('runSends on an n8n without a deduplication store', () => {
	test('Send Once Per Key is refused before anything is sent, with how to fix it', async () => {
		const work = countingWork();
		const run = runWithOptions({ sendOnce: { values: { key: 'order-1' } } });
		const error = await runSends(withoutStore, 2, run, work).catch((caught: unknown) => caught);
		expect(error).toMatchObject({
			message: 'Send Once Per Key needs n8n 1.64 or newer',
			description:
				"Nothing was sent. This n8n has no deduplication store. Update n8n, or remove 'Send Once Per Key'.",
		});
		expect(work.sent).toEqual([]);
	});

	test('without Send Once Per Key the store is not needed: every item is sent once', async () => {
		const work = countingWork();
		const results = await runSends(withoutStore, 2, runWithOptions({}), work);
		expect(results.map((result) => result.json)).toEqual([{ messageId: 1 }, { messageId: 2 }]);
		expect(work.sent.sort()).toEqual([0, 1]);
	});
});
