import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemResults, prepareAll } from './itemResults';
import { forEachWithConcurrency } from './pool';

export interface ItemWork<Plan> {
	/** Checks one item's input and prepares its request, without sending anything. */
	prepare(itemIndex: number): Plan;
	/** Makes the item's request and returns its output. */
	perform(plan: Plan, itemIndex: number): Promise<IDataObject>;
	/** Whether failed items say if their message may have been sent. */
	sendsMessages: boolean;
}

/**
 * Runs the work over every input item with bounded concurrency and returns the results in input
 * order. Every item is prepared (validated) before the first request, so a bad item never leaves
 * the run half-sent. Under Continue On Fail a failed item becomes an error item and the others go
 * on; otherwise no new item starts after the first failure, which is thrown once the requests
 * already in flight have finished.
 */
export async function runItems<Plan>(
	context: IExecuteFunctions,
	itemCount: number,
	concurrency: number,
	work: ItemWork<Plan>,
): Promise<INodeExecutionData[]> {
	const results = new ItemResults(context, work.sendsMessages, context.continueOnFail());
	const plans = prepareAll(context, itemCount, (itemIndex) => work.prepare(itemIndex), results);
	await forEachWithConcurrency(
		itemCount,
		concurrency,
		async (itemIndex) => {
			if (!plans.has(itemIndex)) return;
			const plan = plans.get(itemIndex) as Plan;
			plans.delete(itemIndex); // let the request go once it is sent
			try {
				results.succeed(itemIndex, await work.perform(plan, itemIndex));
			} catch (caught) {
				results.fail(itemIndex, caught);
			}
		},
		() => results.stopped,
	);
	return results.finish();
}
