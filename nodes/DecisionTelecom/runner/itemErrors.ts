import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { InputIssue } from '../shared/inputIssue';
import type { Failure } from '../transport/failures';

export type SendOutcome = Failure['outcome'];

/** An input problem found before anything was sent for the item. */
export function inputError(
	context: IExecuteFunctions,
	issue: InputIssue,
	itemIndex: number,
): NodeOperationError {
	const error = new NodeOperationError(context.getNode(), `${issue.message} [item ${itemIndex}]`, {
		itemIndex,
		description: issue.fix,
	});
	error.context.outcome = 'notSent';
	return error;
}

/** A failed API call as an n8n error; `context.outcome` keeps whether a send may have gone out. */
export function failureError(
	context: IExecuteFunctions,
	failure: Failure,
	itemIndex: number,
): NodeApiError {
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
	error.context.outcome = failure.outcome;
	return error;
}

/** Any error thrown while handling an item, as the n8n error the user sees. */
export function asNodeError(
	context: IExecuteFunctions,
	caught: unknown,
	itemIndex: number,
): NodeOperationError | NodeApiError {
	if (caught instanceof InputIssue) return inputError(context, caught, itemIndex);
	if (caught instanceof NodeOperationError || caught instanceof NodeApiError) return caught;
	return new NodeOperationError(context.getNode(), caught as Error, { itemIndex });
}

/** Adds a sentence to an error's description (which may be empty). */
export function appendDescription(
	error: NodeOperationError | NodeApiError,
	sentence: string,
): void {
	error.description = error.description ? `${error.description} ${sentence}` : sentence;
}

/** Whether a send may have gone out: anything not classified as definitely not sent may have. */
export function sendOutcomeOf(error: NodeOperationError | NodeApiError): SendOutcome {
	return error.context.outcome === 'notSent' ? 'notSent' : 'unknown';
}

/** The Continue On Fail item of a failed item; for sends it says whether the message may have gone out. */
export function errorItem(
	error: NodeOperationError | NodeApiError,
	itemIndex: number,
	sendsMessages: boolean,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (sendsMessages) json.outcome = sendOutcomeOf(error);
	return { json, pairedItem: { item: itemIndex } };
}
