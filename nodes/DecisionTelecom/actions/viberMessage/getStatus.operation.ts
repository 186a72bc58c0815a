import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { failureError } from '../../runner/itemErrors';
import { openRun } from '../../runner/openRun';
import { runItems } from '../../runner/runItems';
import { runOptions } from '../../runner/runOptions';
import { readMessageId } from '../../shared/messageId';
import { simplifyField } from '../simplifyField';
import { RECEIVE_VIBER } from './api';
import { describeDelivery } from './deliveryStatus';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '={{ $json.messageId }}',
		placeholder: 'e.g. 429',
		description:
			'The ID the Send operation returned. DecisionTelecom keeps statuses for messages sent in the last 5 days.',
		hint: "By default the 'messageId' of each input item, as a Send operation outputs it",
	},
	simplifyField,
	runOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['viberMessage'], operation: ['getStatus'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { params, settings, api } = await openRun(this);
	return await runItems(this, items.length, settings.concurrency, {
		sendsMessages: false,
		prepare: (itemIndex) => readMessageId(params.get('messageId', itemIndex), 'Message ID'),
		perform: async (messageId, itemIndex) => {
			// A JSON number, as DecisionTelecom documents, written by hand so no digit is lost.
			const result = await api.call(RECEIVE_VIBER, { body: `{"message_id":${messageId}}` });
			if (!result.ok) throw failureError(this, result.failure, itemIndex);
			const report: IDataObject = { ...describeDelivery(result.body as IDataObject) };
			if (!params.get('simplify', itemIndex, true)) report.raw = result.body as IDataObject;
			return report;
		},
	});
}
