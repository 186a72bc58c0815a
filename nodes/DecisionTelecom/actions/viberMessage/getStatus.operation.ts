import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { InputIssue } from '../../shared/inputIssue';
import { callWithRetries } from '../../helpers/pacing';
import { idToString } from '../../shared/exactJson';
import { describeDelivery } from './deliveryStatus';
import { callDecisionTelecom } from '../../transport';
import { apiError, readRunSettings, runItems, runOptions } from '../common';

// Get Status only reads, so an answer lost to a 5xx or a timeout may be asked again.
const STATUS_RETRIES = 2;

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 429',
		description:
			'The ID the Send operation returned. DecisionTelecom keeps statuses for messages sent in the last 5 days.',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	},
	runOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['viberMessage'], operation: ['getStatus'] } },
	properties,
);

function readMessageId(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('messageId', itemIndex);
	const id = idToString(value);
	if (id === undefined || !/^\d+$/.test(id)) {
		throw new InputIssue(
			'Message ID',
			id === undefined ? 'is empty' : `'${id}' is not a message ID`,
			"Use the 'messageId' returned by the Send operation: digits only, e.g. {{ $json.messageId }}.",
		);
	}
	return id;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const credentials = await this.getCredentials('decisionTelecomApi');
	const settings = readRunSettings(this, STATUS_RETRIES);

	return await runItems(this, items.length, settings.concurrency, {
		reportsSendOutcome: false,
		validate: (itemIndex) => {
			readMessageId(this, itemIndex);
		},
		perItem: async (itemIndex) => {
			const messageId = readMessageId(this, itemIndex);
			// A JSON number, as DecisionTelecom documents, written by hand so no digit is lost.
			const body = `{"message_id":${messageId}}`;
			const outcome = await callWithRetries(
				async () =>
					await callDecisionTelecom(this, credentials, 'receive-viber', body, settings.timeoutMs),
				settings.gate,
				settings.policy,
				settings.clock,
			);
			if (outcome.kind !== 'ok') throw apiError(this, outcome.failure, itemIndex);
			const report: IDataObject = { ...describeDelivery(outcome.body) };
			report.messageId = report.messageId ?? messageId;
			if (!this.getNodeParameter('simplify', itemIndex, true)) report.raw = outcome.body;
			return report;
		},
	});
}
