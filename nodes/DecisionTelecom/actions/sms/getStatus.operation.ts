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
import { messageIdOf, readMessageId } from '../../shared/messageId';
import { simplifyField } from '../simplifyField';
import { SMS_STATUS } from './api';
import { describeSmsState, meaningOf } from './smsReport';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '={{ $json.messageId }}',
		placeholder: 'e.g. 8123',
		description:
			'An ID that Send returned (messageId, or one of messageIds for an SMS sent in several parts)',
		hint: "By default the 'messageId' of each input item, as Send outputs it",
	},
	simplifyField,
	runOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sms'], operation: ['getStatus'] } },
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
			const result = await api.call(SMS_STATUS, { query: { message_id: messageId } });
			if (!result.ok) throw failureError(this, result.failure, itemIndex);
			const body = result.body as IDataObject;
			const report: IDataObject = {
				messageId: messageIdOf(body.message_id) as string,
				...describeSmsState(body.status),
				statusDescription: meaningOf(body.status),
			};
			if (!params.get('simplify', itemIndex, true)) report.raw = body;
			return report;
		},
	});
}
