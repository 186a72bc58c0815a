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
import { SEND_SMS } from './api';
import { partsNotices } from './partsNotices';
import { buildSmsPlan, smsSendOutput, SMS_LIMITS } from './smsMessage';

const properties: INodeProperties[] = [
	{
		displayName:
			"DecisionTelecom sends no delivery report for SMS (its SMS API takes no callback URL): to learn whether an SMS was delivered, use 'Get Status' with the message ID this operation outputs",
		name: 'noDeliveryReportNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. InfoItd',
		description: `The SMS sender name agreed with DecisionTelecom (at most ${SMS_LIMITS.sender} characters)`,
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +380 63 213 21 21',
		description:
			'Phone number in international format with the country code. Spaces, dashes, brackets, a leading + or 00 are fine.',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		hint: '160 characters in one SMS, 153 per part when longer; with Cyrillic letters, emoji or other characters beyond basic Latin: 70, and 67 per part',
		description: `The SMS text, at most ${SMS_LIMITS.maxParts} SMS parts. A typed text shows its part count below; for an expression, the output has it (partCount, expectedPartCount).`,
	},
	...partsNotices,
	{
		displayName: 'Validity Period (Minutes)',
		name: 'validityPeriod',
		type: 'number',
		typeOptions: {
			minValue: SMS_LIMITS.validityMinMinutes,
			maxValue: SMS_LIMITS.validityMaxMinutes,
			numberPrecision: 0,
		},
		default: 1440,
		description:
			'How long DecisionTelecom tries to deliver the SMS, in minutes (1 to 4320, that is 3 days)',
	},
	sendRunOptions,
	retryOnFailNotice,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sms'], operation: ['send'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const run = await openRun(this);
	const { params, api } = run;
	return await runSends(this, items.length, run, {
		prepare: (itemIndex) =>
			buildSmsPlan({
				sender: params.get('sender', itemIndex),
				recipient: params.get('recipient', itemIndex),
				text: params.get('text', itemIndex),
				validityPeriod: params.get('validityPeriod', itemIndex),
			}),
		send: async (plan, itemIndex) => {
			const result = await api.call(SEND_SMS, { body: plan.body });
			if (!result.ok) throw failureError(this, result.failure, itemIndex);
			return smsSendOutput(plan, result.body);
		},
	});
}
