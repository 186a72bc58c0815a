import type { INodeProperties } from 'n8n-workflow';

import * as lookUp from './lookUp.operation';

export { lookUp };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumber'] } },
		options: [
			{
				name: 'Look Up',
				value: 'lookUp',
				description:
					'Check numbers in the mobile network (HLR): whether each is a reachable mobile, its network, whether it was ported',
				action: 'Look up phone number',
			},
		],
		default: 'lookUp',
	},
	...lookUp.description,
];
