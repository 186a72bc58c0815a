import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	MIN_CALLBACK_SECRET_LENGTH,
	SECRET_QUERY_PARAMETER,
	secretMatches,
} from '../shared/callbackSecret';
import { redactValue } from '../shared/redact';
import { readCallbackBody } from './body';
import { classifyCallbackBody, type CallbackEventType } from './classify';
import { acceptedSecrets } from './secrets';

/** Answers the caller directly and starts nothing. */
function refuse(context: IWebhookFunctions, status: number, text: string): IWebhookResponseData {
	context.getResponseObject().status(status).send(text).end();
	return { noWebhookResponse: true };
}

/**
 * Handles one callback: the secret first (before the body is even read), then size, format and
 * shape. Only callbacks of the selected events start the workflow; the answer is sent at once.
 */
export async function handleCallback(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { accepted, tooShort } = await acceptedSecrets(context);
	if (tooShort) {
		context.logger.warn(
			`DecisionTelecom Trigger: the credential's ${tooShort} is shorter than ${MIN_CALLBACK_SECRET_LENGTH} characters, so every callback is refused (401) until it is longer`,
		);
		return refuse(context, 401, 'Unauthorized');
	}
	const query = context.getQueryData() as IDataObject;
	if (accepted.length > 0 && !secretMatches(query[SECRET_QUERY_PARAMETER], accepted)) {
		return refuse(context, 401, 'Unauthorized');
	}

	const request = context.getRequestObject();
	// From version 1.1 on, n8n reads the body only of the content types it parses itself.
	if (!request.rawBody && !request.contentType?.startsWith('multipart/'))
		await request.readRawBody();
	const body = readCallbackBody(request.rawBody, context.getBodyData());
	if (!body.ok)
		return refuse(
			context,
			body.status,
			`${body.status === 413 ? 'Payload Too Large' : 'Bad Request'}: ${body.reason}`,
		);
	const entries = classifyCallbackBody(body.value, body.raw);
	if (entries.length === 0)
		return refuse(context, 400, 'Bad Request: not a DecisionTelecom delivery status or reply');

	const events = context.getNodeParameter('events', []) as CallbackEventType[];
	const selected = entries.filter(({ event }) => events.includes(event.eventType));
	if (selected.length === 0) return {};
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	const items = selected.map(({ event, raw }) =>
		simplify
			? ({ ...event } as IDataObject)
			: ({ ...event, raw: redactValue(raw, accepted) } as IDataObject),
	);
	return { workflowData: [context.helpers.returnJsonArray(items)] };
}
