import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import type { ApiFailure } from '../helpers/apiResponse';
import { InputIssue } from '../shared/inputIssue';
import { forEachWithConcurrency, RateLimitGate, type Clock, type RetryPolicy } from '../helpers/pacing';

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 5;
export const DEFAULT_RATE_LIMIT_MAX_WAIT_SECONDS = 120;
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** Behaviour options shared by every operation. */
export const runOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: DEFAULT_MAX_CONCURRENT_REQUESTS,
			description:
				'How many requests to DecisionTelecom may be in flight at once. 1 sends strictly one after another. Results keep the input order either way.',
		},
		{
			displayName: 'Rate Limit Max Wait',
			name: 'rateLimitMaxWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_RATE_LIMIT_MAX_WAIT_SECONDS,
			description:
				'Seconds an item may keep waiting while DecisionTelecom answers "too many requests". After that the item fails; it was not sent.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description:
				'Seconds to wait for DecisionTelecom to answer one request. A send that times out is not repeated, because it may have been accepted.',
		},
	],
};

export interface RunSettings {
	concurrency: number;
	timeoutMs: number;
	policy: RetryPolicy;
	gate: RateLimitGate;
	clock: Clock;
}

const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
	random: () => Math.random(),
};

/** Reads the Options collection (taken from the first item: it shapes the whole run). */
export function readRunSettings(context: IExecuteFunctions, unknownOutcomeRetries: number): RunSettings {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const concurrency = Math.max(
		1,
		Math.floor(Number(options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS)) || 1,
	);
	const maxWait = Number(options.rateLimitMaxWait ?? DEFAULT_RATE_LIMIT_MAX_WAIT_SECONDS);
	const timeout = Number(options.timeout ?? DEFAULT_TIMEOUT_SECONDS);
	return {
		concurrency,
		timeoutMs: Math.max(1, timeout) * 1000,
		policy: { maxRateLimitWaitMs: Math.max(0, maxWait) * 1000, unknownOutcomeRetries },
		gate: new RateLimitGate(realClock),
		clock: realClock,
	};
}

export function inputError(context: IExecuteFunctions, issue: InputIssue, itemIndex: number) {
	return new NodeOperationError(context.getNode(), `${issue.message} [item ${itemIndex}]`, {
		itemIndex,
		description: issue.fix,
	});
}

export function apiError(context: IExecuteFunctions, failure: ApiFailure, itemIndex: number) {
	const error = new NodeApiError(
		context.getNode(),
		{ message: failure.message, description: failure.description } as JsonObject,
		{
			message: `${failure.message} [item ${itemIndex}]`,
			description: failure.description,
			httpCode: failure.httpCode === undefined ? undefined : String(failure.httpCode),
			itemIndex,
		},
	);
	error.context.outcomeUnknown = failure.outcomeUnknown;
	return error;
}

function errorItem(error: Error & { description?: string | null; context?: IDataObject }, itemIndex: number, withOutcome: boolean): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (withOutcome) json.outcome = error.context?.outcomeUnknown === true ? 'unknown' : 'notSent';
	return { json, pairedItem: { item: itemIndex } };
}

function asNodeError(context: IExecuteFunctions, caught: unknown, itemIndex: number): Error {
	if (caught instanceof InputIssue) return inputError(context, caught, itemIndex);
	if (caught instanceof NodeOperationError || caught instanceof NodeApiError) return caught;
	return new NodeOperationError(context.getNode(), caught as Error, { itemIndex });
}

export interface ItemWork {
	/** Checks one item's input without sending anything; throws InputIssue. */
	validate?: (itemIndex: number) => void;
	perItem: (itemIndex: number) => Promise<IDataObject>;
	/** Whether error items say if the message may have been sent (Send only). */
	reportsSendOutcome: boolean;
}

/**
 * Runs the work over every input item with bounded concurrency and returns the results in input
 * order. Every item is validated before the first request, so a bad item never leaves the run
 * half-sent. Under Continue On Fail a failed item becomes an error item and the others go on;
 * otherwise no new item starts after the first failure, which is thrown once the requests
 * already in flight have finished.
 */
export async function runItems(
	context: IExecuteFunctions,
	itemCount: number,
	concurrency: number,
	work: ItemWork,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[] = new Array(itemCount);
	const continueOnFail = context.continueOnFail();
	const invalid = new Set<number>();

	if (work.validate) {
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
			try {
				work.validate(itemIndex);
			} catch (caught) {
				const error = asNodeError(context, caught, itemIndex);
				if (!continueOnFail) throw error;
				results[itemIndex] = errorItem(error, itemIndex, work.reportsSendOutcome);
				invalid.add(itemIndex);
			}
		}
	}

	let firstFailure: { error: Error; itemIndex: number } | undefined;
	let succeeded = 0;
	await forEachWithConcurrency(
		itemCount,
		concurrency,
		async (itemIndex) => {
			if (invalid.has(itemIndex)) return;
			try {
				results[itemIndex] = { json: await work.perItem(itemIndex), pairedItem: { item: itemIndex } };
				succeeded++;
			} catch (caught) {
				const error = asNodeError(context, caught, itemIndex);
				if (continueOnFail) {
					results[itemIndex] = errorItem(error, itemIndex, work.reportsSendOutcome);
				} else if (!firstFailure || itemIndex < firstFailure.itemIndex) {
					firstFailure = { error, itemIndex };
				}
			}
		},
		() => firstFailure !== undefined,
	);

	if (firstFailure) {
		const error = firstFailure.error as Error & { description?: string | null };
		if (work.reportsSendOutcome && succeeded > 0) {
			error.description = `${error.description ?? ''} ${succeeded} other item(s) of this run were sent before the node stopped; turn on 'Settings > On Error > Continue' to get a result for every item.`.trim();
		}
		throw error;
	}
	return results;
}
