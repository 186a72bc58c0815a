import type { ApiOutcome } from '../../nodes/DecisionTelecom/helpers/apiResponse';
import { classifyResponse } from '../../nodes/DecisionTelecom/helpers/apiResponse';
import {
	callWithRetries,
	forEachWithConcurrency,
	RateLimitGate,
	type RetryPolicy,
} from '../../nodes/DecisionTelecom/helpers/pacing';

import { fakeClock, type FakeClock } from '../helpers/fakeClock';

/** Lets every pending promise chain run (no real time, no timers). */
async function flush(): Promise<void> {
	for (let i = 0; i < 50; i++) await Promise.resolve();
}

const OK: ApiOutcome = { kind: 'ok', body: { message_id: 429 } };

const RATE_LIMIT_MESSAGE = 'DecisionTelecom rate limit reached; the message was not accepted';

function limited(retryAfterMs?: number): ApiOutcome {
	return {
		kind: 'rateLimited',
		retryAfterMs,
		failure: {
			message: RATE_LIMIT_MESSAGE,
			description: 'Nothing was sent for this item.',
			httpCode: 429,
			apiCode: 0,
			outcomeUnknown: false,
		},
	};
}

function unknownOutcome(): ApiOutcome {
	return {
		kind: 'failed',
		failure: {
			message: 'Outcome unknown: DecisionTelecom answered HTTP 500',
			description: 'may have been accepted',
			httpCode: 500,
			outcomeUnknown: true,
		},
	};
}

const KNOWN_FAILURE: ApiOutcome = {
	kind: 'failed',
	failure: {
		message: 'Your DecisionTelecom balance is empty; the message was not sent',
		description: 'Top up',
		httpCode: 402,
		apiCode: 3,
		outcomeUnknown: false,
	},
};

/** A fake API call that answers from a script (the last answer repeats) and logs when it was called. */
function scripted(clock: FakeClock, answers: ApiOutcome[]) {
	const calledAt: number[] = [];
	const call = async (): Promise<ApiOutcome> => {
		calledAt.push(clock.now());
		return answers[Math.min(calledAt.length - 1, answers.length - 1)];
	};
	return { call, calledAt };
}

const GENEROUS: RetryPolicy = { maxRateLimitWaitMs: 10_000_000, unknownOutcomeRetries: 0 };

describe('RateLimitGate', () => {
	it('does not wait before any 429', async () => {
		const clock = fakeClock();
		await new RateLimitGate(clock).wait();
		expect(clock.sleeps).toEqual([]);
		expect(clock.time).toBe(0);
	});

	it('pauses every waiting caller until the Retry-After time', async () => {
		const clock = fakeClock(0);
		const gate = new RateLimitGate(clock);
		expect(gate.rateLimited(1000)).toBe(1000);
		const resumedAt: number[] = [];
		await Promise.all(
			[1, 2, 3].map(async () => {
				await gate.wait();
				resumedAt.push(clock.now());
			}),
		);
		expect(resumedAt).toEqual([1000, 1000, 1000]);
		expect(clock.sleeps).toEqual([1000, 1000, 1000]);
	});

	it('no longer pauses once the time has passed', async () => {
		const clock = fakeClock(0);
		const gate = new RateLimitGate(clock);
		gate.rateLimited(1000);
		clock.time = 1000;
		await gate.wait();
		expect(clock.sleeps).toEqual([]);
	});

	it('never moves the resume time earlier', async () => {
		const clock = fakeClock(0);
		const gate = new RateLimitGate(clock);
		gate.rateLimited(5000);
		expect(gate.rateLimited(100)).toBe(100);
		await gate.wait();
		expect(clock.time).toBe(5000);
		expect(clock.sleeps).toEqual([5000]);
	});

	it.each([
		[0, 3000, 3000],
		[0.5, 3000, 3050],
		[0.999, 3000, 3100],
		[0.5, 200, 215],
		[1, 200, 230],
		[1, 0, 10],
	])(
		'with random %d and Retry-After %d ms pauses %d ms (jitter at most 100 ms)',
		(random, retryAfter, pause) => {
			const gate = new RateLimitGate(fakeClock(random));
			expect(gate.rateLimited(retryAfter)).toBe(pause);
		},
	);

	it('backs off exponentially from 250 ms, capped at 16 s, without Retry-After (random 1)', () => {
		const gate = new RateLimitGate(fakeClock(1));
		const pauses = Array.from({ length: 9 }, () => gate.rateLimited());
		expect(pauses).toEqual([250, 500, 1000, 2000, 4000, 8000, 16000, 16000, 16000]);
	});

	it('uses half of the ceiling as the smallest pause (random 0)', () => {
		const gate = new RateLimitGate(fakeClock(0));
		const pauses = Array.from({ length: 8 }, () => gate.rateLimited());
		expect(pauses).toEqual([125, 250, 500, 1000, 2000, 4000, 8000, 8000]);
	});

	it('starts the back-off again after an accepted request', () => {
		const gate = new RateLimitGate(fakeClock(1));
		gate.rateLimited();
		gate.rateLimited();
		expect(gate.rateLimited()).toBe(1000);
		gate.accepted();
		expect(gate.rateLimited()).toBe(250);
	});
});

describe('callWithRetries', () => {
	it('returns the first ok answer without waiting', async () => {
		const clock = fakeClock();
		const api = scripted(clock, [OK]);
		await expect(
			callWithRetries(api.call, new RateLimitGate(clock), GENEROUS, clock),
		).resolves.toBe(OK);
		expect(api.calledAt).toEqual([0]);
		expect(clock.sleeps).toEqual([]);
	});

	it('honours Retry-After before calling again', async () => {
		const clock = fakeClock(0);
		const api = scripted(clock, [limited(3000), OK]);
		await expect(
			callWithRetries(api.call, new RateLimitGate(clock), GENEROUS, clock),
		).resolves.toBe(OK);
		expect(api.calledAt).toEqual([0, 3000]);
		expect(clock.sleeps).toEqual([3000]);
	});

	it('honours a Retry-After header read by classifyResponse', async () => {
		const clock = fakeClock(0);
		const answer429 = classifyResponse(
			'send-viber',
			429,
			{ 'Retry-After': '2' },
			'Too Many Requests',
		);
		const api = scripted(clock, [answer429, answer429, OK]);
		await expect(
			callWithRetries(api.call, new RateLimitGate(clock), GENEROUS, clock),
		).resolves.toBe(OK);
		expect(api.calledAt).toEqual([0, 2000, 4000]);
	});

	it('backs off exponentially and caps the pause when there is no Retry-After', async () => {
		const clock = fakeClock(1);
		const api = scripted(clock, [...Array.from({ length: 9 }, () => limited()), OK]);
		await expect(
			callWithRetries(api.call, new RateLimitGate(clock), GENEROUS, clock),
		).resolves.toBe(OK);
		expect(clock.sleeps).toEqual([250, 500, 1000, 2000, 4000, 8000, 16000, 16000, 16000]);
		expect(api.calledAt).toEqual([0, 250, 750, 1750, 3750, 7750, 15750, 31750, 47750, 63750]);
	});

	it('resets the shared back-off after an accepted answer', async () => {
		const clock = fakeClock(1);
		const gate = new RateLimitGate(clock);
		await callWithRetries(scripted(clock, [limited(), limited(), OK]).call, gate, GENEROUS, clock);
		expect(clock.sleeps).toEqual([250, 500]);
		expect(gate.rateLimited()).toBe(250);
	});

	it('fails the item once the total rate-limit wait would exceed the bound, saying how long it waited', async () => {
		const clock = fakeClock(0);
		const api = scripted(clock, [limited(2000)]);
		const outcome = await callWithRetries(
			api.call,
			new RateLimitGate(clock),
			{ maxRateLimitWaitMs: 5000, unknownOutcomeRetries: 0 },
			clock,
		);
		expect(outcome).toEqual({
			kind: 'failed',
			failure: {
				message: `${RATE_LIMIT_MESSAGE} after retrying for 4 s`,
				description: 'Nothing was sent for this item.',
				httpCode: 429,
				apiCode: 0,
				outcomeUnknown: false,
			},
		});
		expect(api.calledAt).toEqual([0, 2000, 4000]);
		expect(clock.sleeps).toEqual([2000, 2000]);
	});

	it('gives up at once when the first Retry-After is longer than the bound', async () => {
		const clock = fakeClock(0);
		const api = scripted(clock, [limited(60_000), OK]);
		const outcome = await callWithRetries(
			api.call,
			new RateLimitGate(clock),
			{ maxRateLimitWaitMs: 30_000, unknownOutcomeRetries: 0 },
			clock,
		);
		expect(outcome.kind).toBe('failed');
		expect(outcome.kind !== 'ok' && outcome.failure.message).toBe(
			`${RATE_LIMIT_MESSAGE} after retrying for 0 s`,
		);
		expect(api.calledAt).toEqual([0]);
		expect(clock.sleeps).toEqual([]);
	});

	it('bounds the exponential back-off too and reports tenths of a second', async () => {
		const clock = fakeClock(1);
		const api = scripted(clock, [limited()]);
		const outcome = await callWithRetries(
			api.call,
			new RateLimitGate(clock),
			{ maxRateLimitWaitMs: 1000, unknownOutcomeRetries: 0 },
			clock,
		);
		// waits 250 + 500; the next 1000 ms pause would make 1750 ms > 1000 ms
		expect(api.calledAt).toEqual([0, 250, 750]);
		expect(outcome.kind !== 'ok' && outcome.failure.message).toBe(
			`${RATE_LIMIT_MESSAGE} after retrying for 0.8 s`,
		);
	});

	it('a 429 to one item pauses the other items through the shared gate', async () => {
		const clock = fakeClock(0);
		const gate = new RateLimitGate(clock);
		const log: Array<{ item: number; t: number; answer: string }> = [];
		let first429Given = false;
		await forEachWithConcurrency(4, 2, async (item) => {
			await callWithRetries(
				async () => {
					const answer = item === 0 && !first429Given ? limited(1000) : OK;
					if (answer.kind === 'rateLimited') first429Given = true;
					log.push({ item, t: clock.now(), answer: answer.kind });
					return answer;
				},
				gate,
				GENEROUS,
				clock,
			);
		});
		const at429 = log.findIndex((entry) => entry.answer === 'rateLimited');
		expect(at429).toBe(0);
		// item 1 was already past the gate when the 429 came; every call after it waited
		expect(log.slice(at429 + 1).filter((entry) => entry.item !== 1)).toEqual([
			expect.objectContaining({ t: 1000 }),
			expect.objectContaining({ t: 1000 }),
			expect.objectContaining({ t: 1000 }),
		]);
		expect(log.map((entry) => entry.item).sort()).toEqual([0, 0, 1, 2, 3]);
		expect(log.filter((entry) => entry.item === 2)).toEqual([{ item: 2, t: 1000, answer: 'ok' }]);
		expect(log.filter((entry) => entry.item === 3)).toEqual([{ item: 3, t: 1000, answer: 'ok' }]);
	});

	it('retries an unknown outcome only unknownOutcomeRetries times, with a growing pause', async () => {
		const clock = fakeClock();
		const api = scripted(clock, [unknownOutcome()]);
		const outcome = await callWithRetries(
			api.call,
			new RateLimitGate(clock),
			{ maxRateLimitWaitMs: 10_000, unknownOutcomeRetries: 2 },
			clock,
		);
		expect(outcome).toEqual(unknownOutcome());
		expect(api.calledAt).toHaveLength(3);
		expect(clock.sleeps).toEqual([500, 1000]);
	});

	it('returns ok when a retry after an unknown outcome succeeds', async () => {
		const clock = fakeClock();
		const api = scripted(clock, [unknownOutcome(), OK]);
		const outcome = await callWithRetries(
			api.call,
			new RateLimitGate(clock),
			{ maxRateLimitWaitMs: 10_000, unknownOutcomeRetries: 1 },
			clock,
		);
		expect(outcome).toBe(OK);
		expect(api.calledAt).toHaveLength(2);
	});

	it('NEVER repeats a call with an unknown outcome when unknownOutcomeRetries is 0', async () => {
		const clock = fakeClock();
		const api = scripted(clock, [unknownOutcome(), OK]);
		const outcome = await callWithRetries(
			api.call,
			new RateLimitGate(clock),
			{ maxRateLimitWaitMs: 10_000_000, unknownOutcomeRetries: 0 },
			clock,
		);
		expect(outcome).toEqual(unknownOutcome());
		expect(api.calledAt).toEqual([0]);
		expect(clock.sleeps).toEqual([]);
	});

	it('does not retry a failure whose outcome is known', async () => {
		const clock = fakeClock();
		const api = scripted(clock, [KNOWN_FAILURE, OK]);
		const outcome = await callWithRetries(
			api.call,
			new RateLimitGate(clock),
			{ maxRateLimitWaitMs: 10_000, unknownOutcomeRetries: 3 },
			clock,
		);
		expect(outcome).toBe(KNOWN_FAILURE);
		expect(api.calledAt).toEqual([0]);
	});

	it('counts unknown-outcome retries separately from rate-limit retries', async () => {
		const clock = fakeClock(0);
		const api = scripted(clock, [
			limited(100),
			unknownOutcome(),
			limited(100),
			unknownOutcome(),
			OK,
		]);
		const outcome = await callWithRetries(
			api.call,
			new RateLimitGate(clock),
			{ maxRateLimitWaitMs: 10_000, unknownOutcomeRetries: 1 },
			clock,
		);
		expect(outcome).toEqual(unknownOutcome());
		expect(api.calledAt).toHaveLength(4);
	});
});

describe('forEachWithConcurrency', () => {
	function controlledWork() {
		const started: number[] = [];
		const finished: number[] = [];
		const release = new Map<number, () => void>();
		let active = 0;
		let maxActive = 0;
		const work = async (index: number) =>
			await new Promise<void>((resolve) => {
				started.push(index);
				active++;
				maxActive = Math.max(maxActive, active);
				release.set(index, () => {
					active--;
					finished.push(index);
					resolve();
				});
			});
		return {
			work,
			started,
			finished,
			finish: async (index: number) => {
				const done = release.get(index);
				if (!done) throw new Error(`item ${index} has not started`);
				done();
				await flush();
			},
			maxActive: () => maxActive,
		};
	}

	it('never runs more than the concurrency and starts indexes in order', async () => {
		const w = controlledWork();
		let resolved = false;
		const all = forEachWithConcurrency(7, 3, w.work).then(() => {
			resolved = true;
		});
		await flush();
		expect(w.started).toEqual([0, 1, 2]);
		await w.finish(1);
		expect(w.started).toEqual([0, 1, 2, 3]);
		await w.finish(0);
		expect(w.started).toEqual([0, 1, 2, 3, 4]);
		await w.finish(4);
		await w.finish(3);
		expect(w.started).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(resolved).toBe(false);
		await w.finish(6);
		await w.finish(2);
		expect(resolved).toBe(false);
		await w.finish(5);
		await all;
		expect(resolved).toBe(true);
		expect(w.maxActive()).toBe(3);
		expect(w.finished).toEqual([1, 0, 4, 3, 6, 2, 5]);
	});

	it('keeps the concurrency with work of varying length on the virtual clock', async () => {
		const clock = fakeClock();
		const started: number[] = [];
		let active = 0;
		let maxActive = 0;
		await forEachWithConcurrency(20, 4, async (index) => {
			started.push(index);
			active++;
			maxActive = Math.max(maxActive, active);
			await clock.sleep(((index * 7) % 5) * 100 + 10);
			await flush();
			active--;
		});
		expect(maxActive).toBe(4);
		expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});

	it('runs one at a time with concurrency 1', async () => {
		const w = controlledWork();
		const all = forEachWithConcurrency(3, 1, w.work);
		await flush();
		expect(w.started).toEqual([0]);
		await w.finish(0);
		expect(w.started).toEqual([0, 1]);
		await w.finish(1);
		await w.finish(2);
		await all;
		expect(w.maxActive()).toBe(1);
	});

	it('treats a concurrency below 1 as 1', async () => {
		const w = controlledWork();
		const all = forEachWithConcurrency(2, 0, w.work);
		await flush();
		expect(w.started).toEqual([0]);
		await w.finish(0);
		await w.finish(1);
		await all;
		expect(w.started).toEqual([0, 1]);
	});

	it('starts everything when the concurrency exceeds the count', async () => {
		const w = controlledWork();
		const all = forEachWithConcurrency(3, 10, w.work);
		await flush();
		expect(w.started).toEqual([0, 1, 2]);
		await w.finish(2);
		await w.finish(0);
		await w.finish(1);
		await all;
	});

	it('does nothing for zero items', async () => {
		const work = jest.fn(async () => undefined);
		await forEachWithConcurrency(0, 5, work);
		expect(work).not.toHaveBeenCalled();
	});

	it('stops starting new indexes once stop() is true and lets running ones finish', async () => {
		const w = controlledWork();
		let stopNow = false;
		let resolved = false;
		const all = forEachWithConcurrency(10, 3, w.work, () => stopNow).then(() => {
			resolved = true;
		});
		await flush();
		await w.finish(0);
		expect(w.started).toEqual([0, 1, 2, 3]);
		stopNow = true;
		await w.finish(1);
		await w.finish(2);
		expect(w.started).toEqual([0, 1, 2, 3]);
		expect(resolved).toBe(false);
		await w.finish(3);
		await all;
		expect(w.started).toEqual([0, 1, 2, 3]);
		expect(w.finished).toEqual([0, 1, 2, 3]);
	});

	it('starts nothing when stop() is true from the start', async () => {
		const work = jest.fn(async () => undefined);
		await forEachWithConcurrency(5, 2, work, () => true);
		expect(work).not.toHaveBeenCalled();
	});

	it('stops after the item that asked to stop (e.g. an item failed without Continue On Fail)', async () => {
		const clock = fakeClock();
		const started: number[] = [];
		let failed = false;
		await forEachWithConcurrency(
			10,
			1,
			async (index) => {
				started.push(index);
				await clock.sleep(10);
				if (index === 3) failed = true;
			},
			() => failed,
		);
		expect(started).toEqual([0, 1, 2, 3]);
	});
});
