import { RateLimitGate } from '../../../nodes/DecisionTelecom/transport/rateLimitGate';
import { FakeClock } from '../../helpers/fakeClock';

/** The time the gate lets the next request through, measured by waiting for it. */
async function opensAt(clock: FakeClock, gate: RateLimitGate): Promise<number> {
	return await clock.run(async () => {
		expect(await gate.waitForTurn(Infinity)).toBe(true);
		return clock.now();
	});
}

/** One round: a request starts at the current time and is refused. */
function refuse(gate: RateLimitGate, retryAfterMs?: number): void {
	gate.refused(gate.started(), retryAfterMs);
}

describe('RateLimitGate', () => {
	it('lets a request through at once before any refusal', async () => {
		const clock = new FakeClock();
		expect(await opensAt(clock, new RateLimitGate(clock))).toBe(0);
		expect(clock.sleeps).toEqual([]);
	});

	it('pauses every waiting request until the Retry-After time', async () => {
		const clock = new FakeClock(0);
		const gate = new RateLimitGate(clock);
		refuse(gate, 1000);
		const resumed = await clock.run(
			async () =>
				await Promise.all(
					[1, 2, 3].map(async () => (await gate.waitForTurn(Infinity)) && clock.now()),
				),
		);
		expect(resumed).toEqual([1000, 1000, 1000]);
	});

	it.each([
		[0, 3000, 3000],
		[0.5, 3000, 3050],
		[0.999, 3000, 3100],
		[0.5, 200, 215],
		[1, 200, 230],
		[1, 0, 10],
	])(
		'with random %d and Retry-After %d ms opens after %d ms (jitter at most 100 ms)',
		async (random, retryAfter, pause) => {
			const clock = new FakeClock(random);
			const gate = new RateLimitGate(clock);
			refuse(gate, retryAfter);
			expect(await opensAt(clock, gate)).toBe(pause);
		},
	);

	it('never moves the resume time earlier', async () => {
		const clock = new FakeClock(0);
		const gate = new RateLimitGate(clock);
		refuse(gate, 5000);
		refuse(gate, 100);
		expect(await opensAt(clock, gate)).toBe(5000);
	});

	it('backs off exponentially from 250 ms, capped at 16 s, one step per round of refusals (random 1)', async () => {
		const clock = new FakeClock(1);
		const gate = new RateLimitGate(clock);
		const pauses: number[] = [];
		for (let round = 0; round < 9; round++) {
			const before = clock.now();
			refuse(gate);
			pauses.push((await opensAt(clock, gate)) - before);
		}
		expect(pauses).toEqual([250, 500, 1000, 2000, 4000, 8000, 16000, 16000, 16000]);
	});

	it('uses half of the ceiling as the smallest pause (random 0)', async () => {
		const clock = new FakeClock(0);
		const gate = new RateLimitGate(clock);
		const pauses: number[] = [];
		for (let round = 0; round < 4; round++) {
			const before = clock.now();
			refuse(gate);
			pauses.push((await opensAt(clock, gate)) - before);
		}
		expect(pauses).toEqual([125, 250, 500, 1000]);
	});

	it('grows the back-off once for requests refused together, not once per request', async () => {
		const clock = new FakeClock(1);
		const gate = new RateLimitGate(clock);
		const tickets = [1, 2, 3, 4, 5].map(() => gate.started());
		for (const ticket of tickets) gate.refused(ticket);
		expect(await opensAt(clock, gate)).toBe(250);
		const next = [1, 2, 3, 4, 5].map(() => gate.started());
		for (const ticket of next) gate.refused(ticket);
		expect(await opensAt(clock, gate)).toBe(250 + 500);
	});

	it('starts the back-off again after a request sent in the current round is accepted', async () => {
		const clock = new FakeClock(1);
		const gate = new RateLimitGate(clock);
		refuse(gate);
		await opensAt(clock, gate);
		refuse(gate);
		await opensAt(clock, gate);
		gate.accepted(gate.started());
		const before = clock.now();
		refuse(gate);
		expect((await opensAt(clock, gate)) - before).toBe(250);
	});

	it('an old request accepted late does not reset the back-off of the current round', async () => {
		const clock = new FakeClock(1);
		const gate = new RateLimitGate(clock);
		const old = gate.started();
		refuse(gate);
		await opensAt(clock, gate);
		gate.accepted(old);
		const before = clock.now();
		refuse(gate);
		expect((await opensAt(clock, gate)) - before).toBe(500);
	});

	it('records when the run started being refused, and forgets it once a request is accepted', async () => {
		const clock = new FakeClock(0);
		const gate = new RateLimitGate(clock);
		expect(gate.refusingSince()).toBeUndefined();
		clock.time = 700;
		refuse(gate, 100);
		clock.time = 900;
		refuse(gate, 100);
		expect(gate.refusingSince()).toBe(700);
		gate.accepted(gate.started());
		expect(gate.refusingSince()).toBeUndefined();
	});

	it('gives up waiting at the deadline instead of sleeping through a long pause', async () => {
		const clock = new FakeClock(0);
		const gate = new RateLimitGate(clock);
		refuse(gate, 16000);
		const result = await clock.run(async () => [await gate.waitForTurn(3000), clock.now()]);
		expect(result).toEqual([false, 3000]);
	});

	it('refuses a turn once the deadline has passed, even when the gate is open', async () => {
		const clock = new FakeClock(0);
		const gate = new RateLimitGate(clock);
		clock.time = 5000;
		expect(await clock.run(async () => await gate.waitForTurn(5000))).toBe(false);
	});

	it('paces at an announced limit: 10 per second after a refusal', async () => {
		const clock = new FakeClock(0);
		const gate = new RateLimitGate(clock);
		gate.refused(gate.started(), 1000, { requests: 10, windowMs: 1000 });
		expect(gate.pacedPerSecond()).toBe(10);
		const times = await clock.run(async () => {
			const at: number[] = [];
			for (let i = 0; i < 12; i++) {
				await gate.waitForTurn(Infinity);
				at.push(clock.now());
			}
			return at;
		});
		// After the pause the allowance is full again (10), less one kept in reserve for arrival
		// jitter; from then on requests pass at the refill rate, one per 100 ms.
		expect(times).toEqual([...Array(9).fill(1000), 1100, 1200, 1300]);
	});
});
