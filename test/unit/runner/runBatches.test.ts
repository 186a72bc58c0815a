import { runnerContext as contextWith } from '../../helpers/runnerContext';
import {
	runBatches,
	type BatchItem,
	type BatchWork,
} from '../../../nodes/DecisionTelecom/runner/runBatches';
import { InputIssue } from '../../../nodes/DecisionTelecom/shared/inputIssue';

/** Items 0..n-1 whose plan is their index; batches of two; `bad` items fail validation. */
function work(
	bad: number[],
	perform: BatchWork<number>['perform'],
): BatchWork<number> & { batches: number[][] } {
	const batches: number[][] = [];
	return {
		batches,
		prepare: (itemIndex) => {
			if (bad.includes(itemIndex)) throw new InputIssue('Phone Number', 'is empty', 'Enter it.');
			return itemIndex;
		},
		group: (items: Array<BatchItem<number>>) => {
			const groups: Array<Array<BatchItem<number>>> = [];
			for (let start = 0; start < items.length; start += 2)
				groups.push(items.slice(start, start + 2));
			return groups;
		},
		perform: async (batch, report) => {
			batches.push(batch.map((item) => item.itemIndex));
			await perform(batch, report);
		},
	};
}

describe('runBatches', () => {
	test('validates every item first; an invalid one is left out of the batches and paired with its error', async () => {
		const batchWork = work([1], async (batch, report) => {
			for (const { itemIndex, plan } of batch) report.succeed(itemIndex, { plan });
		});
		const output = await runBatches(contextWith(true), 4, 1, batchWork);
		expect(batchWork.batches).toEqual([[0, 2], [3]]);
		expect(output).toEqual([
			{ json: { plan: 0 }, pairedItem: { item: 0 } },
			{
				json: { error: 'Phone Number: is empty [item 1]', description: 'Enter it.' },
				pairedItem: { item: 1 },
			},
			{ json: { plan: 2 }, pairedItem: { item: 2 } },
			{ json: { plan: 3 }, pairedItem: { item: 3 } },
		]);
	});

	test('without Continue On Fail an invalid item stops the run before any batch', async () => {
		const batchWork = work([3], async () => undefined);
		await expect(runBatches(contextWith(false), 4, 1, batchWork)).rejects.toThrow(
			'Phone Number: is empty [item 3]',
		);
		expect(batchWork.batches).toEqual([]);
	});

	test('an item its batch did not report fails with what the batch threw, or as having no result', async () => {
		const batchWork = work([], async (batch, report) => {
			report.succeed(batch[0].itemIndex, { ok: true });
			if (batch[0].itemIndex === 2) throw new Error('lost');
		});
		const output = await runBatches(contextWith(true), 4, 1, batchWork);
		expect(output.map((item) => item.json)).toEqual([
			{ ok: true },
			{ error: 'The node produced no result for this item' },
			{ ok: true },
			{ error: 'lost' },
		]);
	});

	test('without Continue On Fail no batch starts after a failure, and the first failure is thrown', async () => {
		const batchWork = work([], async (batch, report) => {
			for (const { itemIndex } of batch) report.fail(itemIndex, new Error(`failed ${itemIndex}`));
		});
		await expect(runBatches(contextWith(false), 6, 1, batchWork)).rejects.toThrow('failed 0');
		expect(batchWork.batches).toEqual([[0, 1]]);
	});
});
