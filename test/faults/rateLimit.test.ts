/**
 * Rate-limit faults: every refused (429) send is retried until accepted, every accepted message is
 * accepted exactly once, and a refusal that lasts longer than 'Rate Limit Max Wait' fails the
 * item clearly as not sent.
 */
import { checkSendRun, repeatFaults, sendAll, useMock } from './faultHarness';

const mock = useMock();
jest.setTimeout(30000);

describe('Send under rate limiting (mock API on 127.0.0.1)', () => {
	test('rate-limit storm: 150 items at 10 in flight; refusals announce a limit of 200/s, every item is sent once', async () => {
		// A deterministic storm: after every 6 accepted sends DecisionTelecom refuses the next 4,
		// announcing its limit as Yii2 does, so the node paces itself.
		const refusal = {
			type: 'rateLimit',
			http: 429,
			retryAfter: 0,
			rateLimitReset: 1,
			rateLimitLimit: 200,
		};
		mock().reset({
			faults: repeatFaults(1000, [...Array(6).fill({ type: 'none' }), ...Array(4).fill(refusal)]),
		});
		const result = await sendAll(mock(), 150, { maxConcurrentRequests: 10 });
		const report = checkSendRun(mock(), result, 150);

		expect(report).toMatchObject({
			sent: 150,
			notSent: 0,
			unknown: 0,
			accepted: 150,
			refusals: 96,
			requests: 246,
		});
	});

	test('HTTP 429 and HTTP 200 {"code":0,"status":429} mixed with successes, Retry-After and X-Rate-Limit-Reset', async () => {
		mock().reset({
			faults: repeatFaults(600, [
				{ type: 'none' },
				{ type: 'rateLimit', http: 429, retryAfter: 0 },
				{ type: 'none' },
				{ type: 'rateLimit', http: 200, retryAfter: '0.02' },
				{ type: 'none' },
				{ type: 'rateLimit', http: 200, rateLimitReset: '0.03', rateLimitLimit: 50 },
			]),
		});
		const result = await sendAll(mock(), 400, { maxConcurrentRequests: 8 });
		const report = checkSendRun(mock(), result, 400);

		expect(report).toMatchObject({
			sent: 400,
			notSent: 0,
			unknown: 0,
			accepted: 400,
		});
		expect(report.refusals).toBeGreaterThanOrEqual(200);
		expect(report.requests).toBe(400 + report.refusals);
	});

	test('429 without Retry-After: exponential back-off with jitter, then every item is sent once', async () => {
		mock().reset({ faults: [{ type: 'rateLimit', http: 429, times: 4 }] });
		const result = await sendAll(mock(), 60, { maxConcurrentRequests: 3 });
		const report = checkSendRun(mock(), result, 60);
		expect(report).toMatchObject({
			sent: 60,
			notSent: 0,
			unknown: 0,
			accepted: 60,
			refusals: 4,
			requests: 64,
		});
	});

	test('a limit that outlasts Rate Limit Max Wait: the waiting items fail as not sent, the rest are sent once', async () => {
		// 10 sends pass, then DecisionTelecom refuses everything (Retry-After 0.2 s) for good.
		mock().reset({
			faults: [
				{ type: 'none', times: 10 },
				{ type: 'rateLimit', http: 429, retryAfter: '0.2', times: 5000 },
			],
		});
		const result = await sendAll(mock(), 200, { maxConcurrentRequests: 10, rateLimitMaxWait: 1 });
		const report = checkSendRun(mock(), result, 200);

		expect(report).toMatchObject({ sent: 10, notSent: 190, unknown: 0, accepted: 10 });
		// The bound holds for the run as a whole: items that start after it fail without asking.
		expect(report.requests).toBeLessThan(10 + 190);
		const failed = result.output!.find((item) => item.json.error !== undefined)!;
		expect(failed.json).toMatchObject({
			error: expect.stringMatching(
				/^DecisionTelecom's rate limit held this item back for [\d.]+ s \(Rate Limit Max Wait\); the message was not sent \[item \d+\]$/,
			),
			description: expect.stringMatching(/Nothing was sent for this item/),
			outcome: 'notSent',
		});
	});

	test('without Continue On Fail an exhausted rate limit stops the node with a clear error', async () => {
		mock().reset({
			faults: [
				{ type: 'none', times: 20 },
				{ type: 'rateLimit', http: 429, retryAfter: '0.1', times: 5000 },
			],
		});
		const result = await sendAll(
			mock(),
			200,
			{ maxConcurrentRequests: 10, rateLimitMaxWait: 0.5 },
			false,
		);

		expect(result.output).toBeUndefined();
		expect(result.error?.message).toMatch(
			/rate limit held this item back for [\d.]+ s .*the message was not sent \[item 20\]$/,
		);
		expect(result.error?.description).toMatch(
			/Nothing was sent for this item.*20 other item\(s\) of this run were sent/s,
		);
		const counters = mock().counters();
		expect(counters.duplicates).toBe(0);
		expect(counters.accepted).toBe(20);
	});
});
