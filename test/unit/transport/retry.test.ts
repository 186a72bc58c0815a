import type { Answer } from '../../../nodes/DecisionTelecom/transport/answers';
import { RateLimitGate } from '../../../nodes/DecisionTelecom/transport/rateLimitGate';
import { callWithRetries, type CallOutcome } from '../../../nodes/DecisionTelecom/transport/retry';
import { forEachWithConcurrency } from '../../../nodes/DecisionTelecom/runner/pool';
import { FakeClock } from '../../helpers/fakeClock';

const ACCEPTED: Answer = { kind: 'accepted', body: { message_id: 1 } };
const REFUSED: Answer = { kind: 'rateLimited', httpStatus: 429 };
const UNKNOWN: Answer = {
	kind: 'unknown',
	reason: 'DecisionTelecom answered HTTP 500',
	httpStatus: 500,
};
const refusedFor = (retryAfterMs: number): Answer => ({
	kind: 'rateLimited',
	httpStatus: 429,
	retryAfterMs,
});

interface ItemLog {
	outcome: CallOutcome['kind'];
	calls: number[];
	endedAt: number;
}

interface Simulation {
	items: number;
	concurrency: number;
	maxWaitMs: number;
	/** The API: what it answers to the item's n-th call at time `now`. */
	answer: (item: number, call: number, now: number) => Answer;
	latencyMs?: number;
	unknownRetries?: number;
	random?: number;
}

/** Runs items through callWithRetries on virtual time, as the node's item runner does. */
async function simulate(sim: Simulation) {
	const clock = new FakeClock(sim.random ?? 1);
	const gate = new RateLimitGate(clock);
	const log: ItemLog[] = [];
	let requests = 0;
	await clock.run(async () => {
		await forEachWithConcurrency(
			sim.items,
			sim.concurrency,
			async (item) => {
				const calls: number[] = [];
				const outcome = await callWithRetries(
					async () => {
						calls.push(clock.now());
						requests++;
						await clock.sleep(sim.latencyMs ?? 50);
						return sim.answer(item, calls.length - 1, clock.now());
					},
					gate,
					{ maxRateLimitWaitMs: sim.maxWaitMs, unknownRetries: sim.unknownRetries ?? 0 },
					clock,
				);
				log[item] = { outcome: outcome.kind, calls, endedAt: clock.now() };
			},
			() => false,
		);
	});
	return { log, requests, clock };
}

describe('Rate Limit Max Wait: an item refused for that long fails as not sent, never much sooner', () => {
	it.each([3000, 10000])(
		'max wait %d ms, 429 without Retry-After, 5 items at 5 in flight: all fail in [max wait, max wait + one request]',
		async (maxWaitMs) => {
			const { log } = await simulate({
				items: 5,
				concurrency: 5,
				maxWaitMs,
				answer: () => REFUSED,
			});
			for (const item of log) {
				expect(item.outcome).toBe('gaveUp');
				const firstRefusal = item.calls[0] + 50;
				expect(item.endedAt - firstRefusal).toBeGreaterThanOrEqual(maxWaitMs);
				expect(item.endedAt - firstRefusal).toBeLessThanOrEqual(maxWaitMs + 50);
				expect(item.calls.every((at) => at < firstRefusal + maxWaitMs)).toBe(true);
			}
		},
	);

	it.each([3000, 10000])(
		'max wait %d ms, 12 items at 3 in flight: items that never got a turn fail together, with no request',
		async (maxWaitMs) => {
			const { log, requests } = await simulate({
				items: 12,
				concurrency: 3,
				maxWaitMs,
				answer: () => REFUSED,
			});
			const neverSent = log.filter((item) => item.calls.length === 0);
			expect(neverSent.length).toBeGreaterThan(0);
			const failedAt = new Set(neverSent.map((item) => item.endedAt));
			expect([...failedAt]).toEqual([50 + maxWaitMs]);
			expect(log.every((item) => item.outcome === 'gaveUp')).toBe(true);
			expect(requests).toBe(log.reduce((sum, item) => sum + item.calls.length, 0));
		},
	);

	it('the back-off grows per round of the run, not once per concurrently refused request', async () => {
		const { log } = await simulate({
			items: 10,
			concurrency: 10,
			maxWaitMs: 60000,
			answer: () => REFUSED,
		});
		// 10 requests refused together at 50 ms pause 250 ms (one step), not 2^9 steps.
		expect(log.map((item) => item.calls[1])).toEqual(Array(10).fill(300));
		expect(log[0].calls.slice(0, 5)).toEqual([0, 300, 850, 1900, 3950]);
	});

	it('with Retry-After: 1 every retry waits the second it asks for, and the bound still holds', async () => {
		const { log } = await simulate({
			items: 3,
			concurrency: 3,
			maxWaitMs: 3000,
			answer: () => refusedFor(1000),
			random: 0,
		});
		for (const item of log) {
			expect(item.calls).toEqual([0, 1050, 2100]);
			expect(item.outcome).toBe('gaveUp');
			expect(item.endedAt).toBe(3050);
		}
	});

	it('max wait 0: the first refusal fails the item, after exactly one request', async () => {
		const { log, requests } = await simulate({
			items: 4,
			concurrency: 2,
			maxWaitMs: 0,
			answer: () => REFUSED,
		});
		expect(log.map((item) => item.outcome)).toEqual(['gaveUp', 'gaveUp', 'gaveUp', 'gaveUp']);
		expect(requests).toBe(2);
	});

	it('an item keeps its own full wait while the API accepts the other items', async () => {
		const { log } = await simulate({
			items: 30,
			concurrency: 3,
			maxWaitMs: 3000,
			answer: (item) => (item === 0 ? REFUSED : ACCEPTED),
		});
		expect(log[0].outcome).toBe('gaveUp');
		expect(log[0].endedAt - 50).toBeGreaterThanOrEqual(3000);
		expect(log.slice(1).every((item) => item.outcome === 'accepted')).toBe(true);
	});

	it('refusals that end before the bound: every item is accepted exactly once', async () => {
		const { log, requests } = await simulate({
			items: 20,
			concurrency: 5,
			maxWaitMs: 10000,
			answer: (_item, _call, now) => (now < 2000 ? REFUSED : ACCEPTED),
		});
		expect(log.every((item) => item.outcome === 'accepted')).toBe(true);
		const accepted = log.length;
		expect(requests - accepted).toBe(log.reduce((sum, item) => sum + item.calls.length - 1, 0));
	});

	it('an accepted request ends the run-wide episode: a later item gets a bound of its own', async () => {
		const { log } = await simulate({
			items: 2,
			concurrency: 1,
			maxWaitMs: 1000,
			// Item 0 is refused 3 times and then accepted at 560 ms; item 1 is refused until 1300 ms,
			// more than 1 s after item 0's first refusal but less than 1 s after its own.
			answer: (item, call, now) =>
				item === 0
					? call < 3
						? refusedFor(100)
						: ACCEPTED
					: now < 1300
						? refusedFor(100)
						: ACCEPTED,
		});
		expect(log[0]).toMatchObject({ outcome: 'accepted', endedAt: 560 });
		expect(log[1].outcome).toBe('accepted');
		expect(log[1].endedAt).toBeGreaterThan(1300);
	});
});

describe('answers other than 429', () => {
	it('a send NEVER repeats an unknown outcome', async () => {
		const { log, requests } = await simulate({
			items: 1,
			concurrency: 1,
			maxWaitMs: 120000,
			answer: () => UNKNOWN,
		});
		expect(log[0].outcome).toBe('unknown');
		expect(requests).toBe(1);
	});

	it('a read retries an unknown outcome twice, 500 ms then 1 s later', async () => {
		const { log } = await simulate({
			items: 1,
			concurrency: 1,
			maxWaitMs: 120000,
			unknownRetries: 2,
			answer: () => UNKNOWN,
		});
		expect(log[0].calls).toEqual([0, 550, 1600]);
		expect(log[0].outcome).toBe('unknown');
	});

	it('a read that succeeds on its retry returns the success', async () => {
		const { log } = await simulate({
			items: 1,
			concurrency: 1,
			maxWaitMs: 120000,
			unknownRetries: 2,
			answer: (_item, call) => (call === 0 ? UNKNOWN : ACCEPTED),
		});
		expect(log[0]).toMatchObject({ outcome: 'accepted', calls: [0, 550] });
	});

	it('a definite refusal is never retried', async () => {
		const refused: Answer = { kind: 'refused', refusal: 'balanceEmpty', apiText: '' };
		const { log, requests } = await simulate({
			items: 1,
			concurrency: 1,
			maxWaitMs: 120000,
			unknownRetries: 2,
			answer: () => refused,
		});
		expect(log[0].outcome).toBe('refused');
		expect(requests).toBe(1);
	});
});
