import {
	NodeOperationError,
	WAIT_INDEFINITELY,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { asNodeError, failureError } from '../../../runner/itemErrors';
import { openRun } from '../../../runner/openRun';
import { runSends } from '../../../runner/runSends';
import { SEND_VIBER } from '../api';
import { readMessageInput, sendOutput } from '../messageFields';
import { buildSendPlan } from '../sendPayload';
import { timeoutItem, type WaitFor } from './callbackMatch';
import { waitCallbackUrl, waitToken } from './callbackUrl';
import { waitLimitOf, type WaitLimit } from './limitWaitTime';
import { canKeepWaitRecord, canWaitHere, keepWaitRecord, type WaitRecord } from './waitRecord';

function checkOneItem(context: IExecuteFunctions, items: INodeExecutionData[]): void {
	if (items.length <= 1) return;
	throw new NodeOperationError(
		context.getNode(),
		`Send and Wait sends one message per execution; this run has ${items.length} items`,
		{
			description:
				'Nothing was sent. To message many recipients, use the Send operation and receive their statuses and replies with the DecisionTelecom Trigger; or run Send and Wait once per recipient (e.g. in a sub-workflow called for each item).',
		},
	);
}

function readWaitLimit(context: IExecuteFunctions): WaitLimit {
	const fallbacks: IDataObject = {
		limitWaitTime: false,
		limitType: 'afterTimeInterval',
		resumeAmount: 1,
		resumeUnit: 'hours',
		maxDateAndTime: '',
	};
	const values: IDataObject = {};
	for (const [name, fallback] of Object.entries(fallbacks))
		values[name] = context.getNodeParameter(name, 0, fallback) as IDataObject[string];
	try {
		return waitLimitOf(values, Date.now());
	} catch (caught) {
		const error = asNodeError(context, caught, 0);
		throw error;
	}
}

function checkCanWait(context: IExecuteFunctions): void {
	if (canWaitHere(context)) return;
	throw new NodeOperationError(
		context.getNode(),
		'Send and Wait does not work on this version of n8n',
		{
			description:
				'Nothing was sent. This n8n cannot keep the message ID with a waiting execution (n8n 1.x cannot; 2.x can), so no callback could resume it. Use Send and receive the status or the reply with the DecisionTelecom Trigger, or update n8n.',
		},
	);
}

function checkRecordFits(context: IExecuteFunctions): void {
	if (canKeepWaitRecord(context)) return;
	throw new NodeOperationError(
		context.getNode(),
		"Send and Wait needs one of the execution's custom data slots, and all 10 are used",
		{
			description:
				'Nothing was sent. Remove a custom data key set by the workflow (e.g. in an Execution Data node) so the node can note which message it waits for.',
		},
	);
}

/** The callback URL this waiting node hands to DecisionTelecom. */
function callbackUrlFor(context: IExecuteFunctions, accessKey: string): string {
	const resumeUrl = String(context.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	const { id } = context.getNode();
	return waitCallbackUrl(resumeUrl, id, waitToken(accessKey, context.getExecutionId(), id));
}

/**
 * When the time limit passes, n8n resumes the node with the input it had: make that input the
 * timeout item, so the wait ends with outcome "timedOut" and the message id, not the trigger data.
 */
function setTimeoutOutput(context: IExecuteFunctions, item: IDataObject): void {
	const input = context.getExecuteData()?.data?.main;
	if (Array.isArray(input)) input[0] = [{ json: item, pairedItem: { item: 0 } }];
}

/**
 * Send and Wait: checks everything, sends the one message with n8n's resume URL of this execution
 * as its callback URL, notes the message id in the execution's custom data, and puts the
 * execution to wait. The node's webhook resumes it (see webhook.ts).
 */
export async function sendThenWait(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	waitFor: WaitFor,
): Promise<INodeExecutionData[]> {
	checkCanWait(context);
	checkOneItem(context, items);
	const run = await openRun(context);
	const { params, credentials, api } = run;
	const limit = readWaitLimit(context);
	checkRecordFits(context);
	const callbackUrl = callbackUrlFor(context, String(credentials.apiKey ?? ''));
	const [sent] = await runSends(context, 1, run, {
		prepare: (itemIndex) =>
			buildSendPlan({ ...readMessageInput(params, itemIndex, credentials), callbackUrl }),
		send: async (plan, itemIndex) => {
			const result = await api.call(SEND_VIBER, { body: plan.body });
			if (!result.ok) throw failureError(context, result.failure, itemIndex);
			return sendOutput(plan, result.body);
		},
	});
	if (sent.json.error !== undefined || sent.json.skipped === true) return [sent];

	const record: WaitRecord = {
		messageId: String(sent.json.messageId),
		recipient: String(sent.json.recipient),
	};
	keepWaitRecord(context, record);
	if (limit.until) setTimeoutOutput(context, timeoutItem(waitFor, record, limit));
	await context.putExecutionToWait(limit.until ?? WAIT_INDEFINITELY);
	return [{ json: { ...sent.json, waitingFor: waitFor }, pairedItem: { item: 0 } }];
}
