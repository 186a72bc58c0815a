import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemResults, prepareAll } from './itemResults';
import { forEachWithConcurrency } from './pool';

export interface BatchItem<Plan> {
	itemIndex: number;
	plan: Plan;
}

/** Where a batch reports each of its items: an output, or what went wrong for that item. */
export interface ItemReport {
	succeed(itemIndex: number, json: IDataObject): void;
	fail(itemIndex: number, caught: unknown): void;
}

export interface BatchWork<Plan> {
	/** Checks one item's input and prepares its part of a request, without sending anything. */
	prepare(itemIndex: number): Plan;
	/** Splits the valid items, in input order, into batches of one request each. */
	group(items: Array<BatchItem<Plan>>): Array<Array<BatchItem<Plan>>>;
	/** Makes one batch's requests and reports every item of the batch. */
	perform(batch: Array<BatchItem<Plan>>, report: ItemReport): Promise<void>;
}

/**
 * The item runner for endpoints that take many items in one request. It keeps the per-item rules
 * of runItems: every item is validated before the first request; each item gets its own output
 * or error, paired with its input item; under Continue On Fail one item's failure (or its whole
 * batch's) leaves the other items' results, otherwise no new batch starts after the first
 * failure. Batches run with bounded concurrency under the run's rate-limit gate.
 */
export async function runBatches<Plan>(
	context: IExecuteFunctions,
	itemCount: number,
	concurrency: number,
	work: BatchWork<Plan>,
): Promise<INodeExecutionData[]> {
	const results = new ItemResults(context, false, context.continueOnFail());
	const plans = prepareAll(context, itemCount, (itemIndex) => work.prepare(itemIndex), results);
	const batches = work.group(Array.from(plans, ([itemIndex, plan]) => ({ itemIndex, plan })));
	await forEachWithConcurrency(
		batches.length,
		concurrency,
		async (batchIndex) => {
			const batch = batches[batchIndex];
			const reported = new Set<number>();
			const report: ItemReport = {
				succeed: (itemIndex, json) => {
					reported.add(itemIndex);
					results.succeed(itemIndex, json);
				},
				fail: (itemIndex, caught) => {
					reported.add(itemIndex);
					results.fail(itemIndex, caught);
				},
			};
			let failure: unknown = new Error('The node produced no result for this item');
			try {
				await work.perform(batch, report);
			} catch (caught) {
				failure = caught;
			}
			for (const { itemIndex } of batch)
				if (!reported.has(itemIndex)) report.fail(itemIndex, failure);
		},
		() => results.stopped,
	);
	return results.finish();
}
