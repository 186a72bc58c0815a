import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { twoWayKindOptions } from './messageFields';
import { sendThenWait } from './waiting/sendAndWait';
import { waitFields } from './waiting/waitFields';
import { handleWaitCallback } from './waiting/webhook';

/** Only 2-way messages can be answered. */
const twoWayKindField: INodeProperties = {
	displayName: 'Message Kind',
	name: 'messageKind',
	type: 'options',
	default: 'twoWayText',
	options: twoWayKindOptions,
};

const properties = waitFields(
	'The execution waits until the customer replies to this 2-way message, then goes on with the reply (<code>outcome</code> replied, or timedOut). One message per execution.',
	twoWayKindField,
);

export const description = updateDisplayOptions(
	{ show: { resource: ['viberMessage'], operation: ['sendAndWaitForReply'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await sendThenWait(this, items, 'reply');
}

export async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await handleWaitCallback(this, 'reply');
}
