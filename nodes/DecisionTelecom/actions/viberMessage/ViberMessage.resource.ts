import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as getStatus from './getStatus.operation';
import * as send from './send.operation';
import * as sendAndWaitForDelivery from './sendAndWaitForDelivery.operation';
import * as sendAndWaitForReply from './sendAndWaitForReply.operation';

export { getStatus, send, sendAndWaitForDelivery, sendAndWaitForReply };

const operations: INodePropertyOptions[] = [
	{
		name: 'Get Status',
		value: 'getStatus',
		description: 'Get the delivery status of a sent message, including its SMS fallback',
		action: 'Get Viber message status',
	},
	{
		name: 'Send',
		value: 'send',
		description: 'Send a Viber message, optionally with an SMS fallback',
		action: 'Send Viber message',
	},
	{
		name: 'Send and Wait for Delivery',
		value: 'sendAndWaitForDelivery',
		description:
			'Send one Viber message, pause the execution and go on with its final delivery status',
		action: 'Send Viber message and wait for delivery',
	},
	{
		name: 'Send and Wait for Reply',
		value: 'sendAndWaitForReply',
		description:
			"Send one 2-way Viber message, pause the execution and go on with the customer's reply",
		action: 'Send Viber message and wait for reply',
	},
];

const WAITING_OPERATIONS = ['sendAndWaitForDelivery', 'sendAndWaitForReply'];

function operationField(options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['viberMessage'] } },
		options,
		default: 'send',
	};
}

const operationFields = [
	...send.description,
	...getStatus.description,
	...sendAndWaitForDelivery.description,
	...sendAndWaitForReply.description,
];

export const description: INodeProperties[] = [operationField(operations), ...operationFields];

/**
 * The resource as an AI agent tool sees it: without the waiting operations, since n8n cannot pause
 * an agent's tool call until a callback comes (an agent should call a sub-workflow that waits).
 */
export const toolDescription: INodeProperties[] = [
	operationField(operations.filter((option) => !WAITING_OPERATIONS.includes(String(option.value)))),
	...operationFields.filter(
		(field) =>
			!WAITING_OPERATIONS.some((operation) =>
				field.displayOptions?.show?.operation?.includes(operation),
			),
	),
];
