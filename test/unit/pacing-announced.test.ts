import {
	announcedLimit,
	classifyResponse,
	type ApiOutcome,
} from '../../nodes/DecisionTelecom/helpers/apiResponse';
import {
	callWithRetries,
	forEachWithConcurrency,
	RateLimitGate,
} from '../../nodes/DecisionTelecom/helpers/pacing';

import { fakeClock, type FakeClock } from '../helpers/fakeClock';

const RATE_LIMIT_BODY = '{"name":"Too Many Requests","message":"Rate limit exceeded","code":0,"status":429}';

describe('announcedLimit (X-Rate-Limit-Limit per X-Rate-Limit-Reset seconds, Yii2 style)', () => {
	it.each([
		[{ 'X-Rate-Limit-Limit': '100', 'X-Rate-Limit-Reset': '1' }, { requests: 100, windowMs: 1000 }],
		[{ 'x-rate-limit-limit': '30', 'x-rate-limit-reset': '60' }, { requests: 30, windowMs: 60000 }],
		[{ 'X-RateLimit-Limit': ['5'], 'X-RateLimit-Reset': ['0.5'] }, { requests: 5, windowMs: 500 }],
	])('%j -> %j', (headers, limit) => {
		expect(announcedLimit(headers)).toEqual(limit);
	});

	it.each([
		{},
		{ 'X-Rate-Limit-Limit': '100' },
		{ 'X-Rate-Limit-Reset': '1' },
		{ 'X-Rate-Limit-Limit': '0', 'X-Rate-Limit-Reset': '1' },
		{ 'X-Rate-Limit-Limit': '100', 'X-Rate-Limit-Reset': '0' },
		{ 'X-Rate-Limit-Limit': 'many', 'X-Rate-Limit-Reset': '1' },
		{ 'X-Rate-Limit-Limit': '100', 'X-Rate-Limit-Reset': '1795742349' },
	])('ignores %j', (headers) => {
		expect(announcedLimit(headers)).toBeUndefined();
	});

	it('classifyResponse passes the announced limit with the refusal, HTTP 429 or 200', () => {
		const headers = {
			'X-Rate-Limit-Limit': '100',
			'X-Rate-Limit-Remaining': '0',
			'X-Rate-Limit-Reset': '1',
			'Retry-After': '1',
		};
		for (const http of [429, 200]) {
			expect(classifyResponse('send-viber', http, headers, RATE_LIMIT_BODY)).toMatchObject({
				kind: 'rateLimited',
				retryAfterMs: 1000,
				limit: { requests: 100, windowMs: 1000 },
			});
		}
	});
});

/**
 * A Yii2-style limiter on the virtual clock: `limit` per second, refilled continuously, a refusal
 * empties the allowance. Answers at once (no latency).
 */
function yii2Api(clock: FakeClock, limit: number) {
	let allowance = limit;
	let at = 0;
	const log = { accepted: 0, refused: 0, acceptedAt: [] as number[] };
	const refusal: ApiOutcome = {
		kind: 'rateLimited',
		retryAfterMs: 1000,
		limit: { requests: limit, windowMs: 1000 },
		failure: { message: 'rate limit', description: 'not sent', httpCode: 429, outcomeUnknown: false },
	};
	const call = async (): Promise<ApiOutcome> => {
		allowance = Math.min(limit, allowance + ((clock.now() - at) * limit) / 1000);
		at = clock.now();
		if (allowance < 1) {
			allowance = 0;
			log.refused++;
			return refusal;
		}
		allowance -= 1;
		log.accepted++;
		log.acceptedAt.push(clock.now());
		return { kind: 'ok', body: { message_id: log.accepted } };
	};
	return { call, log };
}

describe('RateLimitGate paces at the announced limit after a refusal', () => {
	it('1,000 sends against 100/s take about the limit bound (9-10 s) with few refusals', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		const api = yii2Api(clock, 100);
		await forEachWithConcurrency(1000, 5, async () => {
			const outcome = await callWithRetries(
				api.call,
				gate,
				{ maxRateLimitWaitMs: 120000, unknownOutcomeRetries: 0 },
				clock,
			);
			expect(outcome.kind).toBe('ok');
		});
		expect(api.log.accepted).toBe(1000);
		// the first 100 go at once (full allowance), the other 900 at 100/s after the first refusal
		expect(clock.time).toBeGreaterThanOrEqual(9000);
		expect(clock.time).toBeLessThanOrEqual(10200);
		expect(api.log.refused).toBeLessThanOrEqual(5);
		expect(gate.pacedPerSecond()).toBe(100);
	});

	it('without an announced limit it keeps pausing and bursting (the earlier behaviour)', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		gate.rateLimited(1000);
		expect(gate.pacedPerSecond()).toBeUndefined();
		await gate.wait();
		expect(clock.time).toBe(1000); // Retry-After (jitter 0 with random 0)
		for (let i = 0; i < 50; i++) await gate.wait();
		expect(clock.time).toBe(1000); // then no pacing at all
	});

	it('after the pause, the allowance refilled meanwhile is used at once, then one request per 1/rate', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		gate.rateLimited(1000, { requests: 10, windowMs: 1000 });
		const startedAt: number[] = [];
		await forEachWithConcurrency(13, 13, async () => {
			await gate.wait();
			startedAt.push(clock.now());
		});
		// Retry-After 1 s: 10 refilled by then; 9 start at once (1 kept in reserve against arrival
		// jitter), then one every 100 ms
		expect(startedAt.slice(0, 9).every((t) => t === startedAt[0])).toBe(true);
		expect(startedAt[0]).toBeGreaterThanOrEqual(1000);
		expect(startedAt[9] - startedAt[0]).toBeGreaterThanOrEqual(95);
		expect(startedAt[9] - startedAt[0]).toBeLessThanOrEqual(105);
		expect(startedAt[12] - startedAt[9]).toBeGreaterThanOrEqual(295);
		expect(startedAt[12] - startedAt[9]).toBeLessThanOrEqual(305);
	});

	it('with 30 ms on the way and 10 in flight, only the first burst meets refusals', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		const api = yii2Api(clock, 100);
		await forEachWithConcurrency(1000, 10, async () => {
			const outcome = await callWithRetries(
				async () => {
					await clock.sleep(30);
					return await api.call();
				},
				gate,
				{ maxRateLimitWaitMs: 120000, unknownOutcomeRetries: 0 },
				clock,
			);
			expect(outcome.kind).toBe('ok');
		});
		expect(api.log.accepted).toBe(1000);
		// the 10 requests in flight when the allowance first runs out are refused; after that the
		// gate's copy of the allowance (counting requests in flight) keeps every request within it
		expect(api.log.refused).toBeLessThanOrEqual(10);
		expect(clock.time).toBeLessThanOrEqual(10300);
	});

	it('requests still in flight at a refusal are counted against the refilled allowance', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		for (let i = 0; i < 4; i++) gate.sent();
		gate.rateLimited(0, { requests: 100, windowMs: 1000 });
		await gate.wait();
		// 4 in flight + 1 + a reserve of 2 tokens at 100/s: 70 ms
		expect(clock.time).toBe(70);
		for (let i = 0; i < 4; i++) gate.answered();
	});

	it('a later refusal empties the copy of the allowance again', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		gate.rateLimited(0, { requests: 100, windowMs: 1000 });
		clock.time = 5000; // allowance full again
		gate.rateLimited(0);
		await gate.wait();
		// the refusal at 5000 left nothing: the next request waits for one token plus the reserve
		// of 2 (30 ms at 100/s)
		expect(clock.time).toBeGreaterThanOrEqual(5030);
		expect(clock.time).toBeLessThanOrEqual(5031);
	});
});
