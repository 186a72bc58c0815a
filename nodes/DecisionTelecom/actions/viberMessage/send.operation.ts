import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { failureError } from '../../runner/itemErrors';
import { openRun } from '../../runner/openRun';
import { retryOnFailNotice, sendRunOptions } from '../../runner/runOptions';
import { runSends } from '../../runner/runSends';
import { SEND_VIBER } from './api';
import {
	additionalFields,
	callbackUrlField,
	messageFields,
	messageKindField,
	readMessageInput,
	sendOutput,
	slowFallbackNotice,
	validityPeriodField,
} from './messageFields';
import { buildSendPlan } from './sendPayload';

const properties: INodeProperties[] = [
	...messageFields(messageKindField),
	additionalFields([callbackUrlField, validityPeriodField]),
	slowFallbackNotice,
	sendRunOptions,
	retryOnFailNotice,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['viberMessage'], operation: ['send'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const run = await openRun(this);
	const { params, credentials, api } = run;
	return await runSends(this, items.length, run, {
		prepare: (itemIndex) => buildSendPlan(readMessageInput(params, itemIndex, credentials)),
		send: async (plan, itemIndex) => {
			const result = await api.call(SEND_VIBER, { body: plan.body });
			if (!result.ok) throw failureError(this, result.failure, itemIndex);
			return sendOutput(plan, result.body);
		},
	});
}
