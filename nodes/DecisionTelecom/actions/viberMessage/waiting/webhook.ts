import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	callbackSecretsOf,
	SECRET_QUERY_PARAMETER,
	secretMatches,
} from '../../../shared/callbackSecret';
import { CREDENTIAL_TYPE } from '../../../transport';
import { readCallbackBody } from '../../../trigger/body';
import { classifyCallbackBody } from '../../../trigger/classify';
import { decideOnCallback, type WaitFor } from './callbackMatch';
import { WAIT_TOKEN_PARAMETER, waitToken, waitTokenMatches } from './callbackUrl';
import { readWaitRecord } from './waitRecord';

/** Answers the caller; the execution keeps waiting unless workflowData comes with it. */
function answer(context: IWebhookFunctions, status: number, text = ''): IWebhookResponseData {
	context.getResponseObject().status(status).send(text).end();
	return { noWebhookResponse: true };
}

async function checkCaller(context: IWebhookFunctions): Promise<IWebhookResponseData | undefined> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const query = context.getQueryData() as IDataObject;
	const token = waitToken(
		String(credentials.apiKey ?? ''),
		context.getExecutionId(),
		context.getNode().id,
	);
	if (!waitTokenMatches(query[WAIT_TOKEN_PARAMETER], token))
		return answer(context, 401, 'Unauthorized');
	const { accepted, tooShort } = callbackSecretsOf(credentials);
	if (
		tooShort ||
		(accepted.length > 0 && !secretMatches(query[SECRET_QUERY_PARAMETER], accepted))
	) {
		return answer(context, 401, 'Unauthorized');
	}
	return undefined;
}

async function handle(context: IWebhookFunctions, waitFor: WaitFor): Promise<IWebhookResponseData> {
	const refused = await checkCaller(context);
	if (refused) return refused;
	const body = readCallbackBody(context.getRequestObject().rawBody, context.getBodyData());
	if (!body.ok)
		return answer(
			context,
			body.status,
			`${body.status === 413 ? 'Payload Too Large' : 'Bad Request'}: ${body.reason}`,
		);
	const entries = classifyCallbackBody(body.value, body.raw);
	if (entries.length === 0)
		return answer(context, 400, 'Bad Request: not a DecisionTelecom delivery status or reply');
	const record = readWaitRecord(context);
	if (!record)
		return answer(context, 409, 'Conflict: this node is not waiting for a DecisionTelecom message');
	const decision = decideOnCallback(waitFor, record, entries);
	if ('keepWaiting' in decision) {
		context.logger.debug(
			`DecisionTelecom: callback answered, still waiting (${decision.keepWaiting})`,
		);
		return answer(context, 200);
	}
	answer(context, 200);
	return {
		noWebhookResponse: true,
		workflowData: [[{ json: decision.resume, pairedItem: { item: 0 } }]],
	};
}

/**
 * A callback to a waiting Send and Wait node. The caller must carry the node's token (and the
 * Callback Secret when one is set); only this message's final status, or its reply, resumes the
 * execution. It never throws: n8n would end the waiting execution with the error.
 */
export async function handleWaitCallback(
	context: IWebhookFunctions,
	waitFor: WaitFor,
): Promise<IWebhookResponseData> {
	try {
		return await handle(context, waitFor);
	} catch (error) {
		context.logger.error(
			`DecisionTelecom: a callback to a waiting node could not be handled; the execution keeps waiting (${(error as Error).name})`,
		);
		return answer(context, 500, 'Internal Server Error');
	}
}
