// Waiting without wall-clock assertions: sleep, and polling until something holds.

export function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `probe` every `everyMs` until it returns something other than undefined, and returns
 * that. After `timeoutMs` it throws "<what> after N s" with the last value `describe` gives.
 */
export async function pollUntil(probe, { what, timeoutMs = 20000, everyMs = 250, describe } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) {
			const detail = describe ? `: ${await describe()}` : '';
			throw new Error(`${what} after ${timeoutMs / 1000} s${detail}`);
		}
		await sleep(everyMs);
	}
}
