import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { sendThenWait } from './waiting/sendAndWait';
import { waitFields } from './waiting/waitFields';
import { handleWaitCallback } from './waiting/webhook';

/** Only 2-way messages can be answered. */
const twoWayKindField: INodeProperties = {
	displayName: 'Message Kind',
	name: 'messageKind',
	type: 'options',
	default: 'twoWayText',
	options: [
		{ name: '2-Way Text', value: 'twoWayText', description: 'Text the customer can reply to (message type 206)' },
		{
			name: '2-Way Text, Image and Button',
			value: 'twoWayTextImageButton',
			description: 'Text, image and button the customer can reply to (message type 208)',
		},
	],
};

const properties = waitFields(
	'The execution waits until the customer replies to this 2-way message, then goes on with the reply (<code>outcome</code> replied, or timedOut). One message per execution.',
	twoWayKindField,
);

export const description = updateDisplayOptions(
	{ show: { resource: ['viberMessage'], operation: ['sendAndWaitForReply'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendThenWait(this, items, 'reply');
}

export async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await handleWaitCallback(this, 'reply');
}
