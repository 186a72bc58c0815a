import type { Clock } from '../../nodes/DecisionTelecom/helpers/pacing';

/**
 * A virtual clock for the pacing code: sleep() never waits for real. It resolves on the next
 * microtask and moves the virtual time to (time when sleep was called + ms), unless another
 * sleeper already moved it further, so concurrent sleepers behave as they would on a real clock.
 */
export interface FakeClock extends Clock {
	time: number;
	sleeps: number[];
	randomValue: number;
}

export function fakeClock(randomValue = 0): FakeClock {
	const clock: FakeClock = {
		time: 0,
		sleeps: [],
		randomValue,
		now: () => clock.time,
		sleep: async (ms: number) => {
			clock.sleeps.push(ms);
			const until = clock.time + ms;
			await Promise.resolve();
			if (until > clock.time) clock.time = until;
		},
		random: () => clock.randomValue,
	};
	return clock;
}
