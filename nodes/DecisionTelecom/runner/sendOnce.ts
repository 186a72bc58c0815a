import type {
	DeduplicationScope,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { numberOf } from '../shared/inputChecks';
import { InputIssue } from '../shared/inputIssue';

export const sendOnceOption: INodeProperties = {
	displayName: 'Send Once Per Key',
	name: 'sendOnce',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Key',
	description:
		"Send each key's message at most once, across runs: re-running a failed execution, Retry On Fail or a duplicate webhook then skip the messages already sent. n8n keeps the keys in its database.",
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					required: true,
					placeholder: 'e.g. {{ $json.orderId }}-shipped',
					hint: 'One key per message: what makes it this message, e.g. the order and the event',
					description: 'An item whose key was already sent is skipped, not sent again',
				},
				{
					displayName: 'Scope',
					name: 'scope',
					type: 'options',
					default: 'node',
					options: [
						{ name: 'This Node', value: 'node', description: 'Keys count for this node only' },
						{
							name: 'This Workflow',
							value: 'workflow',
							description: 'Keys count for every DecisionTelecom node of the workflow',
						},
					],
				},
				{
					displayName: 'Remember Last',
					name: 'rememberLast',
					type: 'number',
					default: 10000,
					typeOptions: { minValue: 1, maxValue: 1000000, numberPrecision: 0 },
					description:
						'How many keys to remember; the oldest are forgotten first. To remember by time, put the date into the key, e.g. with {{ $today.toISODate() }}.',
				},
			],
		},
	],
};

export interface SendOnceSettings {
	scope: DeduplicationScope;
	rememberLast: number;
}

/** The run's send-once scope and size (from the first item), or undefined when no key is set. */
export function readSendOnceSettings(options: IDataObject): SendOnceSettings | undefined {
	const values = (options.sendOnce as IDataObject | undefined)?.values as IDataObject | undefined;
	if (!values) return undefined;
	const scope = values.scope ?? 'node';
	if (scope !== 'node' && scope !== 'workflow') {
		throw new InputIssue(
			'Options > Send Once Per Key > Scope',
			`'${String(scope)}' is not a scope`,
			"Use 'node' or 'workflow'.",
		);
	}
	const rememberLast = numberOf(values.rememberLast ?? 10000);
	if (!Number.isInteger(rememberLast) || rememberLast < 1 || rememberLast > 1_000_000) {
		throw new InputIssue(
			'Options > Send Once Per Key > Remember Last',
			`'${String(values.rememberLast)}' is not a whole number from 1 to 1000000`,
			'Set how many keys to remember, or remove the option to use 10000.',
		);
	}
	return { scope, rememberLast };
}

const MAX_KEY_LENGTH = 512;

/** One item's key: non-empty text, at most 512 characters. */
export function checkSendOnceKey(value: unknown): string {
	const key =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const fix =
		"Give every item a key that identifies its message, e.g. {{ $json.orderId }}-shipped, or remove 'Send Once Per Key'.";
	if (key === '') throw new InputIssue('Options > Send Once Per Key > Key', 'is empty', fix);
	if (key.length > MAX_KEY_LENGTH)
		throw new InputIssue(
			'Options > Send Once Per Key > Key',
			`is ${key.length} characters long; the limit is ${MAX_KEY_LENGTH}`,
			fix,
		);
	return key;
}

/**
 * n8n's deduplication store, used for send-once keys. Calls are made one at a time: n8n reads and
 * writes the whole list of keys per call without a lock, so overlapping calls of one run would
 * lose each other's keys.
 */
export class SendOnceStore {
	private queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly settings: SendOnceSettings,
	) {}

	private async serial<T>(call: () => Promise<T>): Promise<T> {
		const result = this.queue.then(call, call);
		this.queue = result.catch(() => undefined);
		return await result;
	}

	private get options() {
		return { mode: 'entries' as const, maxEntries: this.settings.rememberLast };
	}

	/** Records the key; false when it was recorded before (the message was already sent). */
	async record(key: string): Promise<boolean> {
		const { processed } = await this.serial(
			async () =>
				await this.context.helpers.checkProcessedAndRecord(
					[key],
					this.settings.scope,
					this.options,
				),
		);
		return processed.length === 0;
	}

	/** Forgets a key whose message was definitely not sent, so a later run sends it. */
	async forget(key: string): Promise<void> {
		await this.serial(
			async () =>
				await this.context.helpers.removeProcessed([key], this.settings.scope, this.options),
		);
	}
}

/** Whether this n8n has the deduplication store (n8n 1.64 and later). */
export function hasDeduplicationStore(context: IExecuteFunctions): boolean {
	return (
		typeof context.helpers.checkProcessedAndRecord === 'function' &&
		typeof context.helpers.removeProcessed === 'function'
	);
}
