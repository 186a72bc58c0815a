/**
 * Faults that leave the outcome of a send unknown (5xx, HTML error pages, dropped connections,
 * timeouts, unreadable answers, 200 with an error body) are never retried: the item fails with
 * outcome 'unknown' and what to do, and no message is sent twice. Known refusals fail as 'notSent'.
 */
import { checkSendRun, repeatFaults, sendAll, useMock } from './faultHarness';

const mock = useMock();
jest.setTimeout(30000);

const ok = { type: 'none' };

describe('Send with server faults (mock API on 127.0.0.1), Continue On Fail', () => {
	test('5xx: HTTP 500 text, HTTP 500 JSON (code 2), HTTP 502/503 HTML pages are not retried', async () => {
		const faults = repeatFaults(300, [
			ok,
			ok,
			{ type: 'serverErrorText' },
			ok,
			{ type: 'serverErrorJson' },
			ok,
			{ type: 'html', http: 502 },
			ok,
			{ type: 'html', http: 503 },
			ok,
		]);
		mock().reset({ faults });
		const result = await sendAll(mock(), 300, { maxConcurrentRequests: 10 });
		const report = checkSendRun(mock(), result, 300);

		expect(report).toMatchObject({
			sent: 180,
			unknown: 120,
			notSent: 0,
			accepted: 180,
			requests: 300,
		});
		const failed = result.output!.filter((item) => item.json.error !== undefined);
		expect(failed[0].json).toMatchObject({
			error: expect.stringMatching(/^Outcome unknown: DecisionTelecom/),
			description: expect.stringMatching(
				/may have been accepted \(and charged\), so it was not sent again/,
			),
			outcome: 'unknown',
		});
		expect(
			new Set(failed.map((item) => String(item.json.error).replace(/ \[item \d+\]$/, ''))),
		).toEqual(
			new Set([
				'Outcome unknown: DecisionTelecom answered HTTP 500',
				'Outcome unknown: DecisionTelecom answered HTTP 502',
				'Outcome unknown: DecisionTelecom answered HTTP 503',
			]),
		);
	});

	test('dropped connections (socket reset without an answer) are not retried', async () => {
		mock().reset({
			faults: repeatFaults(250, [ok, ok, ok, ok, { type: 'reset' }]),
		});
		const result = await sendAll(mock(), 250, { maxConcurrentRequests: 10 });
		const report = checkSendRun(mock(), result, 250);

		expect(report).toMatchObject({
			sent: 200,
			unknown: 50,
			notSent: 0,
			accepted: 200,
			requests: 250,
		});
		const failed = result.output!.find((item) => item.json.error !== undefined)!;
		expect(failed.json.error).toMatch(
			/^Outcome unknown: the connection to DecisionTelecom was lost/,
		);
		expect(failed.json.description).toMatch(/ECONNRESET|socket hang up/);
	});

	test('timeouts: the late answer is accepted by the API, and the node neither retries nor reports it as sent', async () => {
		mock().reset({
			faults: repeatFaults(200, [ok, ok, ok, ok, ok, ok, ok, ok, ok, { type: 'delay', ms: 5000 }]),
		});
		const result = await sendAll(mock(), 200, {
			maxConcurrentRequests: 10,
			timeout: 2,
		});
		const report = checkSendRun(mock(), result, 200);

		// The 20 slow sends were accepted after the node gave up: each exactly once, none repeated.
		expect(report).toMatchObject({
			sent: 180,
			unknown: 20,
			notSent: 0,
			accepted: 200,
			requests: 200,
		});
		const failed = result.output!.find((item) => item.json.error !== undefined)!;
		expect(failed.json.error).toMatch(/^Outcome unknown: DecisionTelecom did not answer in time/);
	});

	test('unreadable answers and 200 with an error body: malformed JSON, code 2, no message id are unknown; balance and invalid parameter are not sent', async () => {
		const faults = repeatFaults(300, [
			ok,
			{ type: 'malformedJson' },
			ok,
			{ type: 'serverErrorJson', http: 200 },
			ok,
			{ type: 'serverErrorText', http: 200, body: '{"status":"ok"}' },
			ok,
			{ type: 'balance', http: 200 },
			ok,
			{ type: 'invalidParameter', param: 'destination_addr', http: 200 },
		]);
		mock().reset({ faults });
		const result = await sendAll(mock(), 300, { maxConcurrentRequests: 10 });
		const report = checkSendRun(mock(), result, 300);

		expect(report).toMatchObject({
			sent: 150,
			unknown: 90,
			notSent: 60,
			accepted: 150,
			requests: 300,
		});
		const errors = new Set(
			result
				.output!.filter((item) => item.json.error !== undefined)
				.map(
					(item) =>
						`${String(item.json.outcome)}: ${String(item.json.error).replace(/ \[item \d+\]$/, '')}`,
				),
		);
		expect(errors).toEqual(
			new Set([
				'unknown: Outcome unknown: DecisionTelecom sent an answer that is not JSON',
				'unknown: Outcome unknown: DecisionTelecom sent an answer without the expected fields',
				'unknown: Outcome unknown: DecisionTelecom reported an internal error (Internal server error: The server encountered an unexpected condition which prevented it from fulfilling the request)',
				'notSent: Your DecisionTelecom balance is empty; the message was not sent',
				"notSent: DecisionTelecom rejected the parameter 'Recipient' (destination_addr)",
			]),
		);
	});

	test('everything at once: 500 items at concurrency 12 with 429s, 5xx, resets, timeouts, HTML and bad bodies', async () => {
		const faults = repeatFaults(700, [
			ok,
			{ type: 'rateLimit', http: 429, retryAfter: 0 },
			ok,
			{ type: 'serverErrorText' },
			ok,
			{ type: 'rateLimit', http: 200, retryAfter: '0.01' },
			ok,
			{ type: 'reset' },
			ok,
			{ type: 'html', http: 502 },
			ok,
			{ type: 'delay', ms: 1300 },
			ok,
			{ type: 'malformedJson' },
			ok,
			{ type: 'serverErrorJson', http: 200 },
			ok,
			ok,
			{ type: 'balance', http: 402 },
			ok,
		]);
		mock().reset({ faults });
		const result = await sendAll(mock(), 500, {
			maxConcurrentRequests: 12,
			timeout: 1,
		});
		const report = checkSendRun(mock(), result, 500);

		expect(report.sent + report.unknown + report.notSent).toBe(500);
		expect(report.refusals).toBeGreaterThan(0);
		expect(report.unknown).toBeGreaterThan(0);
		expect(report.notSent).toBeGreaterThan(0);
		// only refusals were repeated
		expect(report.requests).toBe(500 + report.refusals);
	});
});

describe('Send with server faults, without Continue On Fail', () => {
	test('a 5xx stops the run: no new sends start, none is repeated, and the error says what happened', async () => {
		mock().reset({
			faults: [...repeatFaults(100, [ok]), { type: 'serverErrorText' }],
		});
		const result = await sendAll(mock(), 300, { maxConcurrentRequests: 8 }, false);

		expect(result.output).toBeUndefined();
		expect(result.error?.message).toMatch(
			/^Outcome unknown: DecisionTelecom answered HTTP 500 \[item \d+\]$/,
		);
		expect(result.error?.description).toMatch(
			/may have been accepted.*\d+ other item\(s\) of this run were sent before the node stopped/s,
		);
		const sends = mock().requests();
		expect(mock().counters().duplicates).toBe(0);
		// the requests already in flight finish; nothing starts after the failure
		expect(sends.length).toBeLessThanOrEqual(101 + 8);
		expect(new Set(sends.map((r) => r.body?.destination_addr)).size).toBe(sends.length);
	});
});
