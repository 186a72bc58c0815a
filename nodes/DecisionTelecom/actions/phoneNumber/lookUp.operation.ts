import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { failureError } from '../../runner/itemErrors';
import { openRun } from '../../runner/openRun';
import { runBatches, type BatchItem, type ItemReport } from '../../runner/runBatches';
import { runOptions } from '../../runner/runOptions';
import { asText, numberOf } from '../../shared/inputChecks';
import { InputIssue } from '../../shared/inputIssue';
import { normalizePhoneNumber } from '../../shared/phoneNumber';
import type { ApiClient } from '../../transport';
import { realClock } from '../../transport/clock';
import { simplifyField } from '../simplifyField';
import { createdLookupsOf, HLR, HLR_STATUS, LOOKUP_WORDING } from './api';
import { pollLookups, type Lookup } from './lookupPolling';
import { entryKeys, lookupOutput } from './lookupResult';

/** Numbers per POST hlr. DecisionTelecom documents no maximum; 50 ids keep the bulk read's URL under 2 KB. */
const NUMBERS_PER_REQUEST = 50;
const MAX_WAIT_SECONDS = 300;

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +380 63 615 11 11',
		description:
			'The number to look up, in international format with the country code. Items are looked up together, up to 50 numbers per request; a number that comes twice is looked up once.',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWait',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_WAIT_SECONDS },
		default: 30,
		description:
			'How long to wait for the results, 0 to 300 seconds. A number without a result by then comes out with ready false; 0 asks once without waiting.',
	},
	simplifyField,
	runOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['phoneNumber'], operation: ['lookUp'] } },
	properties,
);

interface LookupPlan {
	phoneNumber: string;
	maxWaitMs: number;
	simplify: boolean;
}

function checkMaxWait(value: unknown): number {
	const seconds = numberOf(value);
	if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_WAIT_SECONDS) {
		throw new InputIssue(
			'Max Wait (Seconds)',
			`${asText(value) || 'empty'} is not a number of seconds from 0 to ${MAX_WAIT_SECONDS}`,
			'Enter how long to wait for the results, 0 to 300 seconds.',
		);
	}
	return Math.round(seconds * 1000);
}

/**
 * Batching within the item runner: every item is validated first (runBatches); then the distinct
 * numbers, in input order, go 50 to a request, and each item gets its own output or error, paired
 * with it. A batch whose request fails fails for each of its items (under Continue On Fail, only
 * them); an item whose number shares a lookup with an earlier item gets a copy of its result.
 */
function groupByNumber(items: Array<BatchItem<LookupPlan>>): Array<Array<BatchItem<LookupPlan>>> {
	const numbers = [...new Set(items.map((item) => item.plan.phoneNumber))];
	const batches: Array<Array<BatchItem<LookupPlan>>> = [];
	for (let start = 0; start < numbers.length; start += NUMBERS_PER_REQUEST) {
		const chunk = new Set(numbers.slice(start, start + NUMBERS_PER_REQUEST));
		batches.push(items.filter((item) => chunk.has(item.plan.phoneNumber)));
	}
	return batches;
}

/** The lookups an hlr answer started, by number: by the phone in each entry, else by position. */
function lookupsByNumber(body: unknown, numbers: string[]): Map<string, Lookup> {
	const entries = createdLookupsOf(body) ?? [];
	const lookups = new Map<string, Lookup>();
	entries.forEach((entry, index) => {
		const { id, phone } = entryKeys(entry);
		const number = phone ?? (entries.length === numbers.length ? numbers[index] : undefined);
		if (id === undefined || number === undefined || !numbers.includes(number)) return;
		lookups.set(number, {
			id,
			phone: number,
			lastStatus: typeof entry.status === 'string' ? entry.status : null,
		});
	});
	return lookups;
}

function notReadyDetail(maxWaitMs: number, lastFailure: string | undefined): string {
	const reason = lastFailure ? ` The last attempt to read it failed: ${lastFailure}.` : '';
	return `DecisionTelecom had no result for this number within ${maxWaitMs / 1000} s (Max Wait).${reason} The lookup was made and may be charged; running Look Up again makes a new lookup.`;
}

async function lookUpBatch(
	context: IExecuteFunctions,
	api: ApiClient,
	batch: Array<BatchItem<LookupPlan>>,
	report: ItemReport,
): Promise<void> {
	const numbers = [...new Set(batch.map((item) => item.plan.phoneNumber))];
	const created = await api.call(HLR, { body: { phones: numbers.map(Number) } });
	if (!created.ok) {
		for (const { itemIndex } of batch)
			report.fail(itemIndex, failureError(context, created.failure, itemIndex));
		return;
	}
	const lookups = lookupsByNumber(created.body, numbers);
	const maxWaitMs = Math.max(...batch.map((item) => item.plan.maxWaitMs));
	const read = async (ids: string[]) =>
		await api.call(HLR_STATUS, { query: { id: ids.length === 1 ? ids[0] : JSON.stringify(ids) } });
	const polled = await pollLookups([...lookups.values()], read, realClock, maxWaitMs);
	for (const { itemIndex, plan } of batch) {
		const lookup = lookups.get(plan.phoneNumber);
		if (!lookup) {
			const missing = {
				message: "Outcome unknown: DecisionTelecom's answer did not include this number",
				description: LOOKUP_WORDING.unknownOutcome,
				outcome: 'unknown' as const,
			};
			report.fail(itemIndex, failureError(context, missing, itemIndex));
			continue;
		}
		const facts = {
			phoneNumber: plan.phoneNumber,
			lookupId: lookup.id,
			lookupStatus: lookup.lastStatus,
			result: polled.results.get(lookup.id),
		};
		report.succeed(
			itemIndex,
			lookupOutput(
				{ ...facts, notReadyDetail: notReadyDetail(maxWaitMs, polled.lastFailure) },
				plan.simplify,
			),
		);
	}
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { params, settings, api } = await openRun(this);
	return await runBatches<LookupPlan>(this, items.length, settings.concurrency, {
		prepare: (itemIndex) => ({
			phoneNumber: normalizePhoneNumber(params.get('phoneNumber', itemIndex), 'Phone Number'),
			maxWaitMs: checkMaxWait(params.get('maxWait', itemIndex)),
			simplify: params.get('simplify', itemIndex, true) !== false,
		}),
		group: groupByNumber,
		perform: async (batch, report) => await lookUpBatch(this, api, batch, report),
	});
}
