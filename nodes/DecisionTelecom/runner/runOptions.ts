import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { numberOf } from '../shared/inputChecks';
import { InputIssue } from '../shared/inputIssue';
import { sendOnceOption } from './sendOnce';

interface NumberOption {
	displayName: string;
	min: number;
	max: number;
	default: number;
	wholeNumber: boolean;
	unit: string;
}

export const RUN_OPTIONS = {
	maxConcurrentRequests: {
		displayName: 'Max Concurrent Requests',
		min: 1,
		max: 50,
		default: 5,
		wholeNumber: true,
		unit: 'requests',
	},
	rateLimitMaxWait: {
		displayName: 'Rate Limit Max Wait',
		min: 0,
		max: 3600,
		default: 120,
		wholeNumber: false,
		unit: 'seconds',
	},
	timeout: {
		displayName: 'Timeout',
		min: 1,
		max: 600,
		default: 30,
		wholeNumber: false,
		unit: 'seconds',
	},
} satisfies Record<string, NumberOption>;

/** The Options collection every operation shares (the lint wants literal defaults; a test keeps them equal). */
export const runOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
			default: 5,
			description:
				'How many requests to DecisionTelecom may be in flight at once (1 to 50). 1 sends strictly one after another. Results keep the input order either way.',
		},
		{
			displayName: 'Rate Limit Max Wait',
			name: 'rateLimitMaxWait',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 3600 },
			default: 120,
			description:
				'Seconds (0 to 3600) an item may wait while DecisionTelecom answers "too many requests". It then fails as not sent; when every request of the run has been refused that long, all items still waiting fail together.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 30,
			description:
				'Seconds (1 to 600) to wait for DecisionTelecom to answer one request. A send that times out is not repeated, because it may have been accepted.',
		},
	],
};

/** The Options of operations that send messages: the same, plus Send Once Per Key. */
export const sendRunOptions: INodeProperties = {
	...runOptions,
	options: [...(runOptions.options as INodeProperties[]), sendOnceOption],
};

/** Shown on every sending operation: n8n's Retry On Fail reruns the whole node. */
export const retryOnFailNotice: INodeProperties = {
	displayName:
		"Do not use Retry On Fail (node Settings) here without 'Send Once Per Key' (Options): it reruns the whole node and would send messages again, so the node refuses to run with it. Rate limits are retried by the node itself.",
	name: 'retryOnFailNotice',
	type: 'notice',
	default: '',
};

export interface RunSettings {
	concurrency: number;
	timeoutMs: number;
	maxRateLimitWaitMs: number;
}

function readOption(options: IDataObject, name: keyof typeof RUN_OPTIONS): number {
	const option: NumberOption = RUN_OPTIONS[name];
	const raw = options[name];
	if (raw === undefined || raw === null) return option.default;
	const value = numberOf(raw);
	const valid =
		Number.isFinite(value) &&
		value >= option.min &&
		value <= option.max &&
		(!option.wholeNumber || Number.isInteger(value));
	if (!valid) {
		throw new InputIssue(
			`Options > ${option.displayName}`,
			`'${String(raw)}' is not ${option.wholeNumber ? 'a whole number' : 'a number'} from ${option.min} to ${option.max}`,
			`Set '${option.displayName}' to ${option.wholeNumber ? 'a whole number' : 'a number'} of ${option.unit} from ${option.min} to ${option.max}, or remove the option to use ${option.default}.`,
		);
	}
	return value;
}

/** The run's settings from the Options collection, each checked whatever produced it. */
export function readRunSettings(options: IDataObject): RunSettings {
	return {
		concurrency: readOption(options, 'maxConcurrentRequests'),
		maxRateLimitWaitMs: Math.round(readOption(options, 'rateLimitMaxWait') * 1000),
		timeoutMs: Math.round(readOption(options, 'timeout') * 1000),
	};
}
