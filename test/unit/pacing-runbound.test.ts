import type { ApiOutcome } from '../../nodes/DecisionTelecom/helpers/apiResponse';
import {
	callWithRetries,
	forEachWithConcurrency,
	RateLimitGate,
} from '../../nodes/DecisionTelecom/helpers/pacing';

import { fakeClock } from '../helpers/fakeClock';

const OK: ApiOutcome = { kind: 'ok', body: { message_id: 429 } };
const MESSAGE = 'DecisionTelecom rate limit reached; the message was not accepted';
const LIMITED: ApiOutcome = {
	kind: 'rateLimited',
	retryAfterMs: 1000,
	failure: {
		message: MESSAGE,
		description: 'Nothing was sent for this item.',
		httpCode: 429,
		outcomeUnknown: false,
	},
};
const POLICY = { maxRateLimitWaitMs: 5000, unknownOutcomeRetries: 0 };

describe('the rate-limit wait bound applies to the whole run, not only to each item', () => {
	it('a gate refused for longer than the bound fails a new item without calling the API', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		const first = await callWithRetries(async () => LIMITED, gate, POLICY, clock);
		expect(first.kind).toBe('failed');

		clock.time += 1000;
		const call = jest.fn(async () => OK);
		const second = await callWithRetries(call, gate, POLICY, clock);
		expect(call).not.toHaveBeenCalled();
		expect(second).toEqual({
			kind: 'failed',
			failure: {
				...LIMITED.failure,
				message: `${MESSAGE}: DecisionTelecom refused every request for 6 s`,
			},
		});
	});

	it('an accepted request restarts the run-wide clock', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		let calls = 0;
		// refused for 4 s, accepted, then refused for 4 s again: nobody exceeds the 5 s bound
		const answers = [
			LIMITED,
			LIMITED,
			LIMITED,
			LIMITED,
			OK,
			LIMITED,
			LIMITED,
			LIMITED,
			LIMITED,
			OK,
		];
		const outcomes: string[] = [];
		await forEachWithConcurrency(2, 1, async () => {
			const outcome = await callWithRetries(async () => answers[calls++], gate, POLICY, clock);
			outcomes.push(outcome.kind);
		});
		expect(outcomes).toEqual(['ok', 'ok']);
		expect(gate.refusingFor()).toBe(0);
	});

	it('10,000 items against an API that refuses everything end after about the bound, not 10,000 × the bound', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		let calls = 0;
		const failed: number[] = [];
		await forEachWithConcurrency(10_000, 5, async (index) => {
			const outcome = await callWithRetries(
				async () => {
					calls++;
					return LIMITED;
				},
				gate,
				POLICY,
				clock,
			);
			if (outcome.kind === 'failed' && !outcome.failure.outcomeUnknown) failed.push(index);
		});
		expect(failed).toHaveLength(10_000);
		expect(clock.time).toBeLessThanOrEqual(POLICY.maxRateLimitWaitMs + 2000);
		// only the items that were running when the limit began asked the API; the rest never did
		expect(calls).toBeLessThan(50);
	});

	it('an item still gets its own full wait while other requests are accepted', async () => {
		const clock = fakeClock();
		const gate = new RateLimitGate(clock);
		// this item is refused 5 times in a row at 1 s each, while the run as a whole is not stuck
		let calls = 0;
		const outcome = await callWithRetries(
			async () => {
				calls++;
				if (calls === 3) gate.accepted(); // another item got through meanwhile
				return LIMITED;
			},
			gate,
			POLICY,
			clock,
		);
		expect(outcome.kind).toBe('failed');
		expect(outcome.kind !== 'ok' && outcome.failure.message).toBe(
			`${MESSAGE} after retrying for 5 s`,
		);
		expect(calls).toBe(6);
	});
});
