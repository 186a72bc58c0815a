/**
 * Rate-limit faults: every refused (429) send is retried until accepted, every accepted message is
 * accepted exactly once, and a refusal that lasts longer than 'Rate Limit Max Wait' fails the
 * item clearly as not sent.
 */
import { checkSendRun, inputItems, repeatFaults, sendAll, useMock } from './faultHarness';

const mock = useMock();
jest.setTimeout(30000);

describe('Send under rate limiting (mock API on 127.0.0.1)', () => {
	test('rate-limit storm: 300 items at concurrency 10 against a Yii2-style limit of 100/s', async () => {
		mock().reset({ rateLimitPerSecond: 100 });
		const started = Date.now();
		const result = await sendAll(mock(), 300, { maxConcurrentRequests: 10 });
		const report = checkSendRun(mock(), result, 300);

		expect(report).toMatchObject({
			sent: 300,
			notSent: 0,
			unknown: 0,
			accepted: 300,
		});
		expect(report.refusals).toBeGreaterThan(0);
		// The whole run slows down after a refusal instead of hammering the limit: the limiter
		// refills 100/s, so 300 sends need about 2 s; most requests are accepted ones.
		expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
		expect(report.refusals).toBeLessThan(100);
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
		const started = Date.now();
		const result = await sendAll(mock(), 200, {
			maxConcurrentRequests: 10,
			rateLimitMaxWait: 1,
		});
		const report = checkSendRun(mock(), result, 200);

		expect(report).toMatchObject({
			sent: 10,
			notSent: 190,
			unknown: 0,
			accepted: 10,
		});
		// The bound holds for the run as a whole: 190 waiting items fail after about 1 s in total,
		// and items that start after that fail without asking again.
		expect(Date.now() - started).toBeLessThan(5000);
		expect(report.requests).toBeLessThan(10 + 190);
		const failed = result.output!.find((item) => item.json.error !== undefined)!;
		expect(failed.json).toMatchObject({
			error: expect.stringMatching(
				/rate limit reached; the message was not accepted(: DecisionTelecom refused every request for| after retrying for) [\d.]+ s \[item \d+\]/,
			),
			description: expect.stringMatching(/Nothing was sent for this item/),
			outcome: 'notSent',
		});
	});

	test('without Continue On Fail an exhausted rate limit stops the node with a clear error', async () => {
		mock().reset({ rateLimitPerSecond: 5 });
		const result = await sendAll(
			mock(),
			200,
			{ maxConcurrentRequests: 10, rateLimitMaxWait: 1 },
			false,
		);

		expect(result.output).toBeUndefined();
		expect(result.error?.message).toMatch(/rate limit reached; the message was not accepted/);
		expect(result.error?.description).toMatch(/Nothing was sent for this item/);
		const counters = mock().counters();
		expect(counters.duplicates).toBe(0);
		const accepted = mock()
			.requests()
			.filter((r) => r.messageId)
			.map((r) => String(r.body?.destination_addr));
		expect(new Set(accepted).size).toBe(counters.accepted);
		expect(
			accepted.every((recipient) => inputItems(200).some((item) => item.recipient === recipient)),
		).toBe(true);
	});
});
