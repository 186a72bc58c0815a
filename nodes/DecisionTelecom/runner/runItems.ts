import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { appendDescription, asNodeError, errorItem } from './itemErrors';
import { forEachWithConcurrency } from './pool';

export interface ItemWork<Plan> {
	/** Checks one item's input and prepares its request, without sending anything. */
	prepare(itemIndex: number): Plan;
	/** Makes the item's request and returns its output. */
	perform(plan: Plan, itemIndex: number): Promise<IDataObject>;
	/** Whether failed items say if their message may have been sent. */
	sendsMessages: boolean;
}

type ItemError = NodeOperationError | NodeApiError;

/** Prepares every item before anything is sent; returns the plans and the failed items. */
function prepareAll<Plan>(context: IExecuteFunctions, itemCount: number, work: ItemWork<Plan>, continueOnFail: boolean) {
	const plans: Array<Plan | undefined> = new Array(itemCount);
	const failed = new Map<number, ItemError>();
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			plans[itemIndex] = work.prepare(itemIndex);
		} catch (caught) {
			const error = asNodeError(context, caught, itemIndex);
			error.context.outcome = 'notSent';
			if (!continueOnFail) throw error;
			failed.set(itemIndex, error);
		}
	}
	return { plans, failed };
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
	const continueOnFail = context.continueOnFail();
	const { plans, failed } = prepareAll(context, itemCount, work, continueOnFail);
	const results: INodeExecutionData[] = new Array(itemCount);
	for (const [itemIndex, error] of failed) results[itemIndex] = errorItem(error, itemIndex, work.sendsMessages);

	let firstFailure: { error: ItemError; itemIndex: number } | undefined;
	let succeeded = 0;
	await forEachWithConcurrency(
		itemCount,
		concurrency,
		async (itemIndex) => {
			const plan = plans[itemIndex];
			if (failed.has(itemIndex)) return;
			plans[itemIndex] = undefined; // let the request go once it is sent
			try {
				results[itemIndex] = { json: await work.perform(plan as Plan, itemIndex), pairedItem: { item: itemIndex } };
				succeeded++;
			} catch (caught) {
				const error = asNodeError(context, caught, itemIndex);
				if (continueOnFail) results[itemIndex] = errorItem(error, itemIndex, work.sendsMessages);
				else if (!firstFailure || itemIndex < firstFailure.itemIndex) firstFailure = { error, itemIndex };
			}
		},
		() => firstFailure !== undefined,
	);

	if (firstFailure) {
		const { error } = firstFailure;
		if (work.sendsMessages && succeeded > 0) {
			appendDescription(error, `${succeeded} other item(s) of this run were sent before the node stopped; turn on 'Settings > On Error > Continue' to get a result for every item.`);
		}
		throw error;
	}
	return results;
}
