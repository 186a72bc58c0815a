import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { numberOf } from '../../../shared/inputChecks';
import { InputIssue } from '../../../shared/inputIssue';

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

export const limitWaitTimeFields: INodeProperties[] = [
	{
		displayName: 'Limit Wait Time',
		name: 'limitWaitTime',
		type: 'boolean',
		default: false,
		description:
			'Whether to stop waiting after a while. The node then outputs the item with outcome "timedOut", the message ID and how long it waited.',
	},
	{
		displayName: 'Limit Type',
		name: 'limitType',
		type: 'options',
		default: 'afterTimeInterval',
		displayOptions: { show: { limitWaitTime: [true] } },
		options: [
			{
				name: 'After Time Interval',
				value: 'afterTimeInterval',
				description: 'Waits for a certain amount of time',
			},
			{
				name: 'At Specified Time',
				value: 'atSpecifiedTime',
				description: 'Waits until a date and time',
			},
		],
	},
	{
		displayName: 'Amount',
		name: 'resumeAmount',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		displayOptions: { show: { limitWaitTime: [true], limitType: ['afterTimeInterval'] } },
		description: 'How long to wait at most',
	},
	{
		displayName: 'Unit',
		name: 'resumeUnit',
		type: 'options',
		default: 'hours',
		displayOptions: { show: { limitWaitTime: [true], limitType: ['afterTimeInterval'] } },
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
	},
	{
		displayName: 'Max Date and Time',
		name: 'maxDateAndTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { limitWaitTime: [true], limitType: ['atSpecifiedTime'] } },
		description: 'The latest moment to wait until',
	},
];

export interface WaitLimitPhrase {
	/** The limit in words, as in "No reply within 1 hour" or "No reply by 2026-12-03T10:00:00.000Z". */
	phrase: string;
}

/** When the wait ends at the latest; no `until` to wait until a callback comes. */
export type WaitLimit = { until?: undefined } | ({ until: Date } & WaitLimitPhrase);

function plural(amount: number, unit: string): string {
	const singular = unit.replace(/s$/, '');
	return `${amount} ${amount === 1 ? singular : unit}`;
}

/** The wait limit from the node's fields, checked before anything is sent. */
export function waitLimitOf(fields: IDataObject, now: number): WaitLimit {
	if (fields.limitWaitTime !== true) return {};
	if (fields.limitType === 'atSpecifiedTime') {
		const until = new Date(String(fields.maxDateAndTime ?? ''));
		if (Number.isNaN(until.getTime()) || until.getTime() <= now) {
			throw new InputIssue(
				'Max Date and Time',
				`'${String(fields.maxDateAndTime ?? '')}' is not a date and time in the future`,
				'Pick a moment after now, or turn off Limit Wait Time.',
			);
		}
		return { until, phrase: `by ${until.toISOString()}` };
	}
	const amount = numberOf(fields.resumeAmount);
	const unitMs = UNIT_MS[String(fields.resumeUnit)];
	if (!Number.isFinite(amount) || amount <= 0 || unitMs === undefined) {
		throw new InputIssue(
			'Amount',
			`'${String(fields.resumeAmount)}' ${String(fields.resumeUnit)} is not a time to wait`,
			'Enter a number above 0 and a unit (minutes, hours or days), or turn off Limit Wait Time.',
		);
	}
	return {
		until: new Date(now + amount * unitMs),
		phrase: `within ${plural(amount, String(fields.resumeUnit))}`,
	};
}
