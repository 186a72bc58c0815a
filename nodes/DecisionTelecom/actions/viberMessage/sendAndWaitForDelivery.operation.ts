import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { retryOnFailNotice, sendRunOptions } from '../../runner/runOptions';
import { messageFields, messageKindField, validityPeriodField } from './messageFields';
import { limitWaitTimeFields } from './waiting/limitWaitTime';
import { sendThenWait } from './waiting/sendAndWait';
import { handleWaitCallback } from './waiting/webhook';

const properties: INodeProperties[] = [
	{
		displayName:
			'The execution waits until DecisionTelecom reports a final status for this message (delivered by Viber or SMS, or failed), then goes on with it in the field <code>outcome</code>: delivered, undelivered or timedOut. One message per execution.',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	...messageFields(messageKindField),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [validityPeriodField],
	},
	...limitWaitTimeFields,
	sendRunOptions,
	retryOnFailNotice,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['viberMessage'], operation: ['sendAndWaitForDelivery'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendThenWait(this, items, 'delivery');
}

export async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await handleWaitCallback(this, 'delivery');
}
