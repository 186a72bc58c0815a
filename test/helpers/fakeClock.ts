/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { Clock } from '../../nodes/DecisionTelecom/transport/clock';

interface Timer {
	at: number;
	order: number;
	wake: () => void;
}

/**
 * A virtual clock for the pacing code. `sleep()` only registers a timer; `run()` moves virtual
 * time to the earliest timer once every promise chain has settled, so concurrent sleepers wake
 * in time order as on a real clock, and a test's outcome never depends on the machine's speed.
 */
export class FakeClock implements Clock {
	time = 0;

	readonly sleeps: number[] = [];

	private timers: Timer[] = [];

	private order = 0;

	constructor(public randomValue = 0) {}

	now(): number {
		return this.time;
	}

	random(): number {
		return this.randomValue;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		await new Promise<void>((wake) =>
			this.timers.push({ at: this.time + Math.max(0, ms), order: this.order++, wake }),
		);
	}

	/** Runs `work` to its end on virtual time. */
	async run<T>(work: () => Promise<T>): Promise<T> {
		let settled = false;
		const promise = work().finally(() => {
			settled = true;
		});
		promise.catch(() => undefined);
		for (;;) {
			// A macrotask runs only after every pending promise callback has run.
			await new Promise((resolve) => setImmediate(resolve));
			if (settled) return await promise;
			if (this.timers.length === 0)
				throw new Error('FakeClock: the work waits for something other than the clock');
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = this.timers.shift() as Timer;
			this.time = Math.max(this.time, next.at);
			next.wake();
		}
	}
}
