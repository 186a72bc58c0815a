import type { INodeProperties } from 'n8n-workflow';

import * as checkCode from './checkCode.operation';
import * as sendCode from './sendCode.operation';

export { checkCode, sendCode };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['oneTimeCode'] } },
		options: [
			{
				name: 'Check Code',
				value: 'checkCode',
				description:
					'Check the code a customer typed against the one sent; the code itself is never output',
				action: 'Check one time code',
			},
			{
				name: 'Send Code',
				value: 'sendCode',
				description: 'Send a one-time code by SMS (DecisionTelecom Verify)',
				action: 'Send one time code',
			},
		],
		default: 'sendCode',
	},
	...sendCode.description,
	...checkCode.description,
];
