import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { failureError } from '../../runner/itemErrors';
import { openRun } from '../../runner/openRun';
import { runItems } from '../../runner/runItems';
import { runOptions } from '../../runner/runOptions';
import { SEND_VIBER } from './api';
import {
	callbackUrlField,
	messageFields,
	messageKindField,
	readMessageInput,
	sendOutput,
	validityPeriodField,
} from './messageFields';
import { buildSendPlan } from './sendPayload';

const properties: INodeProperties[] = [
	...messageFields(messageKindField),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [callbackUrlField, validityPeriodField],
	},
	runOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['viberMessage'], operation: ['send'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const { params, settings, credentials, api } = await openRun(this);
	return await runItems(this, items.length, settings.concurrency, {
		sendsMessages: true,
		prepare: (itemIndex) => buildSendPlan(readMessageInput(params, itemIndex, credentials)),
		perform: async (plan, itemIndex) => {
			const result = await api.call(SEND_VIBER, { body: plan.body });
			if (!result.ok) throw failureError(this, result.failure, itemIndex);
			return sendOutput(plan, result.body);
		},
	});
}
