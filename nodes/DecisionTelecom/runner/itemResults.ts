import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { appendDescription, asNodeError, errorItem } from './itemErrors';

export type ItemError = NodeOperationError | NodeApiError;

/**
 * The results of one node run, item by item, under the run's rules for failures: with Continue
 * On Fail a failed item becomes an error item paired with its input; without it the run stops at
 * the first failure (by item order), which `finish` throws once the work in flight has ended.
 */
export class ItemResults {
	/** Filled by item index; the runners report every item exactly once. */
	private readonly results: INodeExecutionData[] = [];

	private firstFailure: { error: ItemError; itemIndex: number } | undefined;

	private succeeded = 0;

	constructor(
		private readonly context: IExecuteFunctions,
		/** Whether failed items say if their message may have been sent. */
		private readonly sendsMessages: boolean,
		readonly continueOnFail: boolean,
	) {}

	/** Whether a failure stops the run: no new work may start. */
	get stopped(): boolean {
		return this.firstFailure !== undefined;
	}

	succeed(itemIndex: number, json: IDataObject): void {
		this.results[itemIndex] = { json, pairedItem: { item: itemIndex } };
		this.succeeded++;
	}

	fail(itemIndex: number, caught: unknown): void {
		const error = asNodeError(this.context, caught, itemIndex);
		if (this.continueOnFail)
			this.results[itemIndex] = errorItem(error, itemIndex, this.sendsMessages);
		else if (!this.firstFailure || itemIndex < this.firstFailure.itemIndex)
			this.firstFailure = { error, itemIndex };
	}

	/** The output in input order, or the first failure with a note on what was already sent. */
	finish(): INodeExecutionData[] {
		if (!this.firstFailure) return this.results;
		const { error } = this.firstFailure;
		if (this.sendsMessages && this.succeeded > 0) {
			appendDescription(
				error,
				`${this.succeeded} other item(s) of this run were sent before the node stopped; turn on 'Settings > On Error > Continue' to get a result for every item.`,
			);
		}
		throw error;
	}
}

/**
 * Prepares (validates) every item before anything is sent and returns the valid items' plans by
 * item index, in input order. Without Continue On Fail the first invalid item throws at once; with
 * it the item becomes an error item and is left out.
 */
export function prepareAll<Plan>(
	context: IExecuteFunctions,
	itemCount: number,
	prepare: (itemIndex: number) => Plan,
	results: ItemResults,
): Map<number, Plan> {
	const plans = new Map<number, Plan>();
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			plans.set(itemIndex, prepare(itemIndex));
		} catch (caught) {
			const error = asNodeError(context, caught, itemIndex);
			error.context.outcome = 'notSent';
			if (!results.continueOnFail) throw error;
			results.fail(itemIndex, error);
		}
	}
	return plans;
}
