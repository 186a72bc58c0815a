import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { messageKindField } from './messageFields';
import { sendThenWait } from './waiting/sendAndWait';
import { waitFields } from './waiting/waitFields';
import { handleWaitCallback } from './waiting/webhook';

const properties = waitFields(
	'The execution waits until DecisionTelecom reports a final status for this message (delivered by Viber or SMS, or failed), then goes on with it in the field <code>outcome</code>: delivered, undelivered or timedOut. One message per execution.',
	messageKindField,
);

export const description = updateDisplayOptions(
	{ show: { resource: ['viberMessage'], operation: ['sendAndWaitForDelivery'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await sendThenWait(this, items, 'delivery');
}

export async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await handleWaitCallback(this, 'delivery');
}
