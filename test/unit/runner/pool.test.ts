import { forEachWithConcurrency } from '../../../nodes/DecisionTelecom/runner/pool';
import { FakeClock } from '../../helpers/fakeClock';

const neverStop = () => false;

/** Lets every pending promise chain run (no real time, no timers). */
async function flush(): Promise<void> {
	for (let i = 0; i < 50; i++) await Promise.resolve();
}

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
		const all = forEachWithConcurrency(7, 3, w.work, neverStop).then(() => {
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
		const clock = new FakeClock();
		const started: number[] = [];
		let active = 0;
		let maxActive = 0;
		await clock.run(
			async () =>
				await forEachWithConcurrency(
					20,
					4,
					async (index) => {
						started.push(index);
						active++;
						maxActive = Math.max(maxActive, active);
						await clock.sleep(((index * 7) % 5) * 100 + 10);
						await flush();
						active--;
					},
					neverStop,
				),
		);
		expect(maxActive).toBe(4);
		expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});

	it('runs one at a time with concurrency 1', async () => {
		const w = controlledWork();
		const all = forEachWithConcurrency(3, 1, w.work, neverStop);
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
		const all = forEachWithConcurrency(2, 0, w.work, neverStop);
		await flush();
		expect(w.started).toEqual([0]);
		await w.finish(0);
		await w.finish(1);
		await all;
		expect(w.started).toEqual([0, 1]);
	});

	it('starts everything when the concurrency exceeds the count', async () => {
		const w = controlledWork();
		const all = forEachWithConcurrency(3, 10, w.work, neverStop);
		await flush();
		expect(w.started).toEqual([0, 1, 2]);
		await w.finish(2);
		await w.finish(0);
		await w.finish(1);
		await all;
	});

	it('does nothing for zero items', async () => {
		const work = jest.fn(async () => undefined);
		await forEachWithConcurrency(0, 5, work, neverStop);
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
		const clock = new FakeClock();
		const started: number[] = [];
		let failed = false;
		await clock.run(
			async () =>
				await forEachWithConcurrency(
					10,
					1,
					async (index) => {
						started.push(index);
						await clock.sleep(10);
						if (index === 3) failed = true;
					},
					() => failed,
				),
		);
		expect(started).toEqual([0, 1, 2, 3]);
	});
});
