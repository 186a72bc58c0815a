import type { INodeProperties } from 'n8n-workflow';

import * as getStatus from './getStatus.operation';
import { PARTS_NOTICE_NAMES } from './partsNotices';
import * as send from './send.operation';

export { getStatus, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the delivery status of a sent SMS',
				action: 'Get SMS status',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a plain SMS, without Viber',
				action: 'Send SMS',
			},
		],
		default: 'send',
	},
	...send.description,
	...getStatus.description,
];

/** The resource as an AI agent tool sees it: the part-count notices are for people typing a text. */
export const toolDescription: INodeProperties[] = description.filter(
	(property) => !PARTS_NOTICE_NAMES.has(property.name),
);
