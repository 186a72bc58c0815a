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
import { messageIdOf } from '../../shared/messageId';
import { isPlainObject } from '../../shared/objects';
import { normalizePhoneNumber } from '../../shared/phoneNumber';
import { describeSmsState } from '../sms/smsReport';
import { TWO_FACTOR_AUTH } from './api';
import { checkCodeLength, checkLanguage, checkTemplateId, CODE_LENGTH } from './codeCheck';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +380 77 655 77 88',
		description:
			'The number that gets the code by SMS, in international format with the country code',
	},
	{
		displayName: 'Code Length',
		name: 'codeLength',
		type: 'number',
		typeOptions: { minValue: CODE_LENGTH.min, maxValue: CODE_LENGTH.max, numberPrecision: 0 },
		default: 4,
		description: 'How many digits DecisionTelecom puts in the code, 4 to 10',
	},
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description:
			'The text of the SMS: 0 for DecisionTelecom\'s default ("Your verification code: …"), or a template agreed with DecisionTelecom',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'en',
		placeholder: 'e.g. en',
		description:
			'Two-letter code of the language of the SMS text (DecisionTelecom calls it country_iso)',
	},
	sendRunOptions,
	retryOnFailNotice,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['oneTimeCode'], operation: ['sendCode'] } },
	properties,
);

/** The body of POST two-factor-auth, as DecisionTelecom documents it (the phone as a JSON number). */
interface SendCodeBody {
	phone: number;
	pin_length: number;
	template_id: number;
	country_iso: string;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const run = await openRun(this);
	const { params, api } = run;
	return await runSends<{ phoneNumber: string; body: SendCodeBody }>(this, items.length, run, {
		prepare: (itemIndex) => {
			const phoneNumber = normalizePhoneNumber(
				params.get('phoneNumber', itemIndex),
				'Phone Number',
			);
			const body: SendCodeBody = {
				phone: Number(phoneNumber),
				pin_length: checkCodeLength(params.get('codeLength', itemIndex, CODE_LENGTH.default)),
				template_id: checkTemplateId(params.get('templateId', itemIndex, 0)),
				country_iso: checkLanguage(params.get('language', itemIndex, 'en')),
			};
			return { phoneNumber, body };
		},
		send: async ({ phoneNumber, body }, itemIndex) => {
			const result = await api.call(TWO_FACTOR_AUTH, { body });
			if (!result.ok) throw failureError(this, result.failure, itemIndex);
			const answer = isPlainObject(result.body) ? result.body : {};
			const { status, statusName } = describeSmsState(answer.status);
			return {
				verificationId: messageIdOf(answer.id) as string,
				phoneNumber,
				codeLength: body.pin_length,
				status,
				statusName,
			};
		},
	});
}
