import type { INodeProperties } from 'n8n-workflow';

import * as getStatus from './getStatus.operation';
import * as send from './send.operation';

export { getStatus, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['viberMessage'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the delivery status of a sent message, including its SMS fallback',
				action: 'Get the status of a viber message',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a Viber message, optionally with an SMS fallback',
				action: 'Send a viber message',
			},
		],
		default: 'send',
	},
	...send.description,
	...getStatus.description,
];
