/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Fault-injection harness: the DecisionTelecom node runs inside n8n's WorkflowExecute
 * (runDecisionTelecom) against the mock API (test/mock/server.js) on 127.0.0.1, and every run is
 * checked from both sides: what the node returned and what the mock received.
 */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	credentialData,
	runDecisionTelecom,
	TEST_ACCESS,
	type RunResult,
} from '../helpers/workflowHarness';

// test/mock/server.js is plain CommonJS without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMock } = require('../mock/server.js') as {
	startMock: (options: object) => Promise<Mock>;
};

export interface MockRequest {
	path: string;
	status: number | 'reset' | null;
	body?: Record<string, unknown>;
	messageId?: string;
	fault?: string;
	rateLimited?: boolean;
	receivedAt: number;
	respondedAt: number | null;
}

export interface Mock {
	url: string;
	requests(): MockRequest[];
	counters(): {
		accepted: number;
		duplicates: number;
		rejected: number;
		rateLimited: number;
	};
	summary(): { pending: number; requests: number };
	reset(options?: object): void;
	close(): Promise<void>;
}

/** Starts the mock on a free port of 127.0.0.1 for this test file and lets requests reach it. */
export function useMock(): () => Mock {
	let mock: Mock | undefined;
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		mock = await startMock({ port: 0, apiKey: TEST_ACCESS });
	});
	afterAll(async () => {
		await mock?.close();
	});
	return () => mock!;
}

export const recipientOf = (index: number) => `3805${String(index).padStart(8, '0')}`;

export const inputItems = (count: number) =>
	Array.from({ length: count }, (_, index) => ({
		recipient: recipientOf(index),
		n: index,
	}));

export function sendParameters(options: IDataObject): INodeParameters {
	return {
		resource: 'viberMessage',
		operation: 'send',
		sender: 'Shop',
		recipient: '={{ $json.recipient }}',
		messageKind: 'text',
		text: '=Order {{ $json.n }} is ready',
		options: options as INodeParameters,
	};
}

export async function sendAll(
	mock: Mock,
	count: number,
	options: IDataObject,
	continueOnFail = true,
): Promise<RunResult> {
	const result = await runDecisionTelecom({
		items: inputItems(count),
		parameters: sendParameters(options),
		credentials: credentialData({ baseUrl: `${mock.url}/v1/api` }),
		continueOnFail,
	});
	await settled(mock);
	return result;
}

/** Waits until the mock has answered every request (a timed-out send is still answered later). */
export async function settled(mock: Mock, timeoutMs = 10000) {
	const deadline = Date.now() + timeoutMs;
	while (mock.summary().pending > 0 && Date.now() < deadline)
		await new Promise((r) => setTimeout(r, 20));
}

const isRefusal = (r: MockRequest) => r.rateLimited === true || r.fault === 'rateLimit';

export interface SendReport {
	sent: number;
	notSent: number;
	unknown: number;
	requests: number;
	refusals: number;
	accepted: number;
}

/**
 * The invariants of every Send run under Continue On Fail: one output item per input item, in
 * order, each paired with its input; every accepted message accepted exactly once and reported
 * with its id; every failed item with an error, a description and an outcome; nothing repeated
 * after an answer that was not a refusal (429).
 */
export function checkSendRun(mock: Mock, result: RunResult, count: number): SendReport {
	expect(result.error).toBeUndefined();
	const output = result.output!;
	expect(output).toHaveLength(count);

	const sends = mock.requests().filter((r) => r.path === '/v1/api/send-viber');
	const byRecipient = new Map<string, MockRequest[]>();
	for (const r of sends) {
		const key = String(r.body?.destination_addr);
		byRecipient.set(key, [...(byRecipient.get(key) ?? []), r]);
	}
	expect(mock.counters().duplicates).toBe(0);

	const report: SendReport = {
		sent: 0,
		notSent: 0,
		unknown: 0,
		requests: sends.length,
		refusals: 0,
		accepted: 0,
	};
	report.refusals = sends.filter(isRefusal).length;
	report.accepted = mock.counters().accepted;
	let acceptedLate = 0;
	output.forEach((item, index) => {
		expect(item.pairedItem).toEqual({ item: index });
		const recipient = recipientOf(index);
		const seen = byRecipient.get(recipient) ?? [];
		// Only refusals may be repeated: at most one request per item was anything else.
		const answered = seen.filter((r) => !isRefusal(r));
		expect(answered.length).toBeLessThanOrEqual(1);
		const accepted = seen.filter((r) => r.messageId !== undefined);
		expect(accepted.length).toBeLessThanOrEqual(1);
		if (item.json.error === undefined) {
			report.sent++;
			expect(item.json.recipient).toBe(recipient);
			expect(accepted).toHaveLength(1);
			expect(item.json.messageId).toBe(accepted[0].messageId);
			return;
		}
		expect(typeof item.json.error).toBe('string');
		expect(String(item.json.error).length).toBeGreaterThan(10);
		expect(typeof item.json.description).toBe('string');
		expect(String(item.json.description).length).toBeGreaterThan(10);
		expect(['notSent', 'unknown']).toContain(item.json.outcome);
		if (item.json.outcome === 'notSent') {
			report.notSent++;
			expect(accepted).toHaveLength(0);
		} else {
			report.unknown++;
			// At most one request (checked above); none when the 1 s timeout cut it before the mock, in
			// this same busy process, read it: the node cannot tell, so "unknown" is right then too.
			expect(item.json.description).toMatch(/may have been accepted/);
			acceptedLate += accepted.length;
		}
	});
	// Every message the mock accepted belongs to exactly one item.
	expect(report.accepted).toBe(report.sent + acceptedLate);
	expect(
		new Set(sends.filter((r) => r.messageId).map((r) => String(r.body?.destination_addr))).size,
	).toBe(report.accepted);
	return report;
}

/** Largest number of send requests the mock was handling at the same moment. */
export function maxInFlight(mock: Mock): number {
	const events: Array<[number, number]> = [];
	for (const r of mock.requests()) {
		events.push([r.receivedAt, 1]);
		events.push([r.respondedAt ?? Number.MAX_SAFE_INTEGER, -1]);
	}
	// At equal times count the end first: a request answered in the same ms the next one arrives.
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let now = 0;
	let max = 0;
	for (const [, delta] of events) {
		now += delta;
		max = Math.max(max, now);
	}
	return max;
}

/** A fault queue: `pattern` repeated until `length` entries. */
export function repeatFaults(length: number, pattern: object[]): object[] {
	return Array.from({ length }, (_, i) => pattern[i % pattern.length]);
}
