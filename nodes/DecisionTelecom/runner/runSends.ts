import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { appendDescription, asNodeError, sendOutcomeOf } from './itemErrors';
import type { Run } from './openRun';
import { runItems } from './runItems';
import {
	checkSendOnceKey,
	hasDeduplicationStore,
	readSendOnceSettings,
	SendOnceStore,
} from './sendOnce';

export interface SendWork<Plan> {
	/** Checks one item and builds its request, without sending anything. */
	prepare(itemIndex: number): Plan;
	/** Sends the item's message; throws an error whose context says whether it may have gone out. */
	send(plan: Plan, itemIndex: number): Promise<IDataObject>;
}

interface KeyedPlan<Plan> {
	plan: Plan;
	key?: string;
	/** The first item of this run with the same key. */
	duplicateOf?: number;
}

function refuseRetryOnFail(context: IExecuteFunctions, withKeys: boolean): void {
	if (!context.getNode().retryOnFail || withKeys) return;
	throw new NodeOperationError(context.getNode(), 'Retry On Fail would send messages twice', {
		description:
			"Nothing was sent. n8n's Retry On Fail reruns the whole node, so messages it had already sent would be sent, and charged, again. Turn off Retry On Fail in the node's Settings, or set Options > Send Once Per Key: a rerun then skips the messages already sent. Rate limits are retried by the node itself either way.",
	});
}

function openStore(context: IExecuteFunctions, run: Run): SendOnceStore | undefined {
	let settings;
	try {
		settings = readSendOnceSettings(run.params.get('options', 0, {}) as IDataObject);
	} catch (caught) {
		const error = asNodeError(context, caught, 0);
		throw error;
	}
	refuseRetryOnFail(context, settings !== undefined);
	if (!settings) return undefined;
	if (!hasDeduplicationStore(context)) {
		throw new NodeOperationError(context.getNode(), 'Send Once Per Key needs n8n 1.64 or newer', {
			description:
				"Nothing was sent. This n8n has no deduplication store. Update n8n, or remove 'Send Once Per Key'.",
		});
	}
	return new SendOnceStore(context, settings);
}

const skipped = (key: string, reason: string): IDataObject => ({
	skipped: true,
	sendOnceKey: key,
	reason,
});

/** The error of a failed send, after the key was forgotten (not sent) or kept (may have gone out). */
async function afterFailure(
	context: IExecuteFunctions,
	store: SendOnceStore,
	key: string,
	caught: unknown,
	itemIndex: number,
) {
	const error = asNodeError(context, caught, itemIndex);
	let note = `The send-once key '${key}' stays recorded, so running the workflow again does not send this message again.`;
	if (sendOutcomeOf(error) === 'notSent') {
		try {
			await store.forget(key);
			note = `The send-once key '${key}' was released, so running the workflow again sends it.`;
		} catch {
			note = `The send-once key '${key}' could not be released, so running the workflow again skips this message.`;
		}
	}
	appendDescription(error, note);
	return error;
}

async function recordOrRefuse(
	context: IExecuteFunctions,
	store: SendOnceStore,
	key: string,
	itemIndex: number,
): Promise<boolean> {
	try {
		return await store.record(key);
	} catch (caught) {
		const error = new NodeOperationError(
			context.getNode(),
			`Could not record the send-once key: ${(caught as Error).message}`,
			{
				itemIndex,
				description:
					"Nothing was sent for this item: n8n's deduplication store did not answer. Run the workflow again later.",
			},
		);
		error.context.outcome = 'notSent';
		throw error;
	}
}

/**
 * Runs the sends of one node run through the item runner, with the run's rules for money: Retry On
 * Fail is refused unless sends are keyed, and with Send Once Per Key each item's key is recorded in
 * n8n's deduplication store right before its request. A key already recorded skips the item; a
 * definite "not sent" releases the key; an unknown outcome keeps it (at most once).
 */
export async function runSends<Plan>(
	context: IExecuteFunctions,
	itemCount: number,
	run: Run,
	work: SendWork<Plan>,
): Promise<INodeExecutionData[]> {
	const store = openStore(context, run);
	const firstItemOfKey = new Map<string, number>();
	return await runItems<KeyedPlan<Plan>>(context, itemCount, run.settings.concurrency, {
		sendsMessages: true,
		prepare: (itemIndex) => {
			const plan = work.prepare(itemIndex);
			if (!store) return { plan };
			// n8n fills in the Key's default (''), so the fallback is never used (an equivalent mutant).
			const key = checkSendOnceKey(run.params.get('options.sendOnce.values.key', itemIndex, ''));
			const duplicateOf = firstItemOfKey.get(key);
			if (duplicateOf === undefined) firstItemOfKey.set(key, itemIndex);
			return { plan, key, duplicateOf };
		},
		perform: async ({ plan, key, duplicateOf }, itemIndex) => {
			// With a store every plan has a key, without one none: the key check only narrows its type
			// (its mutants, `key === undefined` to false and `||` to `&&`, are equivalent).
			if (!store || key === undefined) return await work.send(plan, itemIndex);
			if (duplicateOf !== undefined)
				return skipped(
					key,
					`Item ${duplicateOf} of this run has the same key; it was sent once for both.`,
				);
			if (!(await recordOrRefuse(context, store, key, itemIndex))) {
				return skipped(
					key,
					'A message with this key was already sent, by an earlier run or an earlier item.',
				);
			}
			try {
				return { ...(await work.send(plan, itemIndex)), sendOnceKey: key };
			} catch (caught) {
				throw await afterFailure(context, store, key, caught, itemIndex);
			}
		},
	});
}
