/**
 * Runs `work` for indexes 0..count-1 with at most `concurrency` running at once, starting them in
 * order. Once `stop()` is true no new index starts; running ones finish.
 */
export async function forEachWithConcurrency(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<void>,
	stop: () => boolean,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count && !stop()) {
			const index = next++;
			await work(index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}
