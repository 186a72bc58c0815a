/**
 * Bounded concurrency against the mock API: never more requests in flight than 'Max Concurrent
 * Requests' (1 = strictly one after another), results in input order; Get Status, which changes
 * nothing, is retried after 5xx, resets and timeouts.
 */
import { credentialData, runDecisionTelecom } from '../helpers/workflowHarness';
import { checkSendRun, maxInFlight, repeatFaults, sendAll, useMock } from './faultHarness';

const mock = useMock();
jest.setTimeout(30000);

describe('Max Concurrent Requests (mock API with 10 ms latency)', () => {
	test.each([1, 4, 16])(
		'concurrency %i: at most that many sends in flight, 200 results in input order',
		async (concurrency) => {
			mock().reset({
				latencyMs: 10,
				faults: repeatFaults(40, [
					{ type: 'none' },
					{ type: 'rateLimit', http: 429, retryAfter: 0 },
				]),
			});
			const result = await sendAll(mock(), 200, {
				maxConcurrentRequests: concurrency,
			});
			const report = checkSendRun(mock(), result, 200);

			expect(report).toMatchObject({ sent: 200, accepted: 200, refusals: 20 });
			const inFlight = maxInFlight(mock());
			expect(inFlight).toBeLessThanOrEqual(concurrency);
			if (concurrency > 1) expect(inFlight).toBeGreaterThan(1);
		},
	);
});

describe('Get Status is retried after faults with an unknown outcome (it changes nothing)', () => {
	test('300 status queries at concurrency 10: the ones that meet a 5xx, reset, HTML page or timeout are asked again and succeed', async () => {
		mock().reset({
			statuses: Object.fromEntries(
				Array.from({ length: 300 }, (_, i) => [String(9000 + i), { status: 1 }]),
			),
			// the first 10 queries (items 0-9, all in flight at once) meet a fault; their retries do not
			faults: repeatFaults(10, [
				{ type: 'serverErrorText' },
				{ type: 'reset' },
				{ type: 'html', http: 502 },
				{ type: 'delay', ms: 5000 },
				{ type: 'serverErrorJson' },
			]),
		});
		const { output, error } = await runDecisionTelecom({
			items: Array.from({ length: 300 }, (_, i) => ({ id: String(9000 + i) })),
			parameters: {
				resource: 'viberMessage',
				operation: 'getStatus',
				messageId: '={{ $json.id }}',
				simplify: true,
				options: { maxConcurrentRequests: 10, timeout: 2 },
			},
			credentials: credentialData({ baseUrl: `${mock().url}/v1/api` }),
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(output).toHaveLength(300);
		output!.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({
				messageId: String(9000 + index),
				viberStatusName: 'delivered',
			});
		});
		expect(mock().requests().length).toBe(300 + 10);
	});
});
