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
import { idToString } from '../../shared/exactJson';
import { readMessageId, type IdSource } from '../../shared/messageId';
import { isPlainObject } from '../../shared/objects';
import type { CallResult } from '../../transport';
import { GET_PIN } from './api';
import { codesMatch, sentCodeOf, typedCodeOf } from './codeCheck';

const properties: INodeProperties[] = [
	{
		displayName: 'Verification ID',
		name: 'verificationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 34234234',
		description: 'The verificationId that Send Code returned',
	},
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'e.g. 0123',
		description:
			'The code the customer typed. Spaces and dashes are ignored; anything but 4 to 10 digits is a wrong code.',
	},
	runOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['oneTimeCode'], operation: ['checkCode'] } },
	properties,
);

/** What Check Code answers; `result` is the value to route on. */
type CheckResult = 'valid' | 'wrongCode' | 'expiredOrUnknownId';

interface CheckPlan {
	verificationId: string;
	/** The typed code as digits; undefined when it cannot be a code. */
	typed?: string;
}

const VERIFICATION_ID: IdSource = {
	noun: 'a verification ID',
	field: 'verificationId',
	operation: 'Send Code',
};

/** The answer of get-pin, judged against the typed code; the code itself goes no further. */
function judge(plan: CheckPlan, answer: Extract<CallResult, { ok: true }>): IDataObject {
	const body = isPlainObject(answer.body) ? answer.body : {};
	const sent = sentCodeOf(body.pin);
	const result: CheckResult =
		sent === undefined
			? 'expiredOrUnknownId'
			: plan.typed !== undefined && codesMatch(plan.typed, sent)
				? 'valid'
				: 'wrongCode';
	return {
		verificationId: plan.verificationId,
		valid: result === 'valid',
		result,
		phoneNumber: idToString(body.phone) ?? null,
	};
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { params, settings, api } = await openRun(this);
	return await runItems<CheckPlan>(this, items.length, settings.concurrency, {
		sendsMessages: false,
		prepare: (itemIndex) => ({
			verificationId: readMessageId(
				params.get('verificationId', itemIndex),
				'Verification ID',
				VERIFICATION_ID,
			),
			typed: typedCodeOf(params.get('code', itemIndex, '')),
		}),
		perform: async (plan, itemIndex) => {
			const answer = await api.call(GET_PIN, { query: { id: plan.verificationId } });
			if (answer.ok) return judge(plan, answer);
			// DecisionTelecom refusing the id is the answer for an id it does not know (or no longer).
			if (answer.failure.refusal === 'invalidParameter') {
				return {
					verificationId: plan.verificationId,
					valid: false,
					result: 'expiredOrUnknownId',
					phoneNumber: null,
				};
			}
			throw failureError(this, answer.failure, itemIndex);
		},
	});
}
