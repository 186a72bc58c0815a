import type { ApiFailure, ApiOutcome, RateLimit } from './apiResponse';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
	random(): number;
}

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 16000;

/** The client's copy of the API's allowance once a refusal announced the limit. */
interface Pace {
	perMs: number;
	capacity: number;
	/** Tokens left unused so requests that arrive closer together than they started still pass. */
	reserve: number;
	tokens: number;
	at: number;
}

/** Arrival jitter the paced requests absorb, in ms (2 requests at 100/s). */
const PACE_RESERVE_MS = 20;

/**
 * One gate shared by every request of a node run: when DecisionTelecom answers 429 to any of
 * them, all of them pause, so the node slows down as a whole instead of hammering the limit.
 *
 * When the refusal announces the limit (X-Rate-Limit-Limit requests per X-Rate-Limit-Reset
 * seconds, as Yii2's RateLimiter does), the gate also keeps a copy of the API's allowance from
 * then on: empty at the refusal, refilled at the announced rate up to the limit. After the pause,
 * requests start as the allowance permits, so the run goes on at the limit's own pace instead of
 * bursting into the next refusal and pausing again.
 */
export class RateLimitGate {
	private resumeAt = 0;

	private streak = 0;

	/** Time of the first 429 since the last accepted request; undefined while requests pass. */
	private refusingSince: number | undefined;

	/** The last refusal, to fail items with once the run has been refused for too long. */
	lastRefusal: ApiFailure | undefined;

	private pace: Pace | undefined;

	/** Requests sent and not answered yet; they use the API's allowance after a refusal too. */
	private inFlight = 0;

	constructor(private readonly clock: Clock) {}

	/** Marks one request sent (call `answered()` when it returns). */
	sent(): void {
		this.inFlight++;
	}

	answered(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}

	/** How long DecisionTelecom has refused every request of this run (0 while requests pass). */
	refusingFor(): number {
		return this.refusingSince === undefined ? 0 : this.clock.now() - this.refusingSince;
	}

	async wait(): Promise<void> {
		for (;;) {
			for (let left = this.resumeAt - this.clock.now(); left > 0; left = this.resumeAt - this.clock.now()) {
				await this.clock.sleep(left);
			}
			const pace = this.pace;
			if (!pace) return;
			const now = this.clock.now();
			pace.tokens = Math.min(pace.capacity, pace.tokens + (now - pace.at) * pace.perMs);
			pace.at = now;
			if (pace.tokens >= 1 + pace.reserve) {
				pace.tokens -= 1;
				return;
			}
			await this.clock.sleep(Math.max(1, Math.ceil((1 + pace.reserve - pace.tokens) / pace.perMs)));
		}
	}

	/** The announced rate the gate paces requests at, per second; undefined before any. */
	pacedPerSecond(): number | undefined {
		return this.pace === undefined ? undefined : this.pace.perMs * 1000;
	}

	/** Records a 429 and returns the pause it caused, in ms. */
	rateLimited(retryAfterMs?: number, limit?: RateLimit): number {
		this.streak++;
		this.refusingSince ??= this.clock.now();
		if (limit && limit.requests >= 1 && limit.windowMs > 0) {
			const perMs = limit.requests / limit.windowMs;
			const reserve = Math.min(Math.floor(limit.requests / 2), Math.max(1, Math.ceil(perMs * PACE_RESERVE_MS)));
			this.pace = { perMs, capacity: limit.requests, reserve, tokens: -this.inFlight, at: this.clock.now() };
		} else if (this.pace) {
			// A refusal means the API's allowance is empty now, whatever our copy says; the requests
			// still on their way will take what it refills first.
			this.pace.tokens = -this.inFlight;
			this.pace.at = this.clock.now();
		}
		let pause: number;
		if (retryAfterMs !== undefined) {
			// Small jitter so paused requests do not all come back in the same millisecond.
			pause = retryAfterMs + Math.round(this.clock.random() * Math.min(100, retryAfterMs * 0.1 + 10));
		} else {
			const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (this.streak - 1));
			pause = Math.round(ceiling / 2 + (this.clock.random() * ceiling) / 2);
		}
		this.resumeAt = Math.max(this.resumeAt, this.clock.now() + pause);
		return pause;
	}

	accepted(): void {
		this.streak = 0;
		this.refusingSince = undefined;
	}
}

export interface RetryPolicy {
	/**
	 * Longest time one item may spend waiting for the rate limit before it fails. It also bounds the
	 * whole run: once every request has been refused for this long, the items still waiting or not
	 * yet started fail at their next turn instead of each waiting the full time again.
	 */
	maxRateLimitWaitMs: number;
	/** Extra attempts after an answer whose outcome is unknown; 0 for sends, which must never repeat. */
	unknownOutcomeRetries: number;
}

/**
 * Calls the API until it answers with something other than a 429 (bounded by the policy). A 429
 * means the message was not accepted, so repeating it cannot send it twice.
 */
export async function callWithRetries(
	call: () => Promise<ApiOutcome>,
	gate: RateLimitGate,
	policy: RetryPolicy,
	clock: Clock,
): Promise<ApiOutcome> {
	let firstRefusedAt: number | undefined;
	let unknownRetriesLeft = policy.unknownOutcomeRetries;
	for (;;) {
		await gate.wait();
		const refusedFor = gate.refusingFor();
		if (refusedFor > policy.maxRateLimitWaitMs && gate.lastRefusal) {
			// Every request of this run has been refused for longer than the bound: stop asking.
			return {
				kind: 'failed',
				failure: {
					...gate.lastRefusal,
					message: `${gate.lastRefusal.message}: DecisionTelecom refused every request for ${Math.round(refusedFor / 100) / 10} s`,
				},
			};
		}
		gate.sent();
		let outcome: ApiOutcome;
		try {
			outcome = await call();
		} finally {
			gate.answered();
		}
		if (outcome.kind === 'ok') {
			gate.accepted();
			return outcome;
		}
		if (outcome.kind === 'failed') {
			if (!outcome.failure.outcomeUnknown || unknownRetriesLeft <= 0) return outcome;
			unknownRetriesLeft--;
			await clock.sleep(BACKOFF_BASE_MS * 2 ** (policy.unknownOutcomeRetries - unknownRetriesLeft));
			continue;
		}
		firstRefusedAt ??= clock.now();
		gate.lastRefusal = outcome.failure;
		const pause = gate.rateLimited(outcome.retryAfterMs, outcome.limit);
		const waited = clock.now() + pause - firstRefusedAt;
		const runRefusedFor = gate.refusingFor() + pause;
		if (waited > policy.maxRateLimitWaitMs || runRefusedFor > policy.maxRateLimitWaitMs) {
			// Said from the run's point of view when every request has been refused for that long.
			const seconds = Math.round(Math.max(clock.now() - firstRefusedAt, gate.refusingFor()) / 100) / 10;
			return {
				kind: 'failed',
				failure: {
					...outcome.failure,
					message: `${outcome.failure.message} after retrying for ${seconds} s`,
				},
			};
		}
	}
}

/**
 * Runs `work` for indexes 0..count-1 with at most `concurrency` running at once, starting them in
 * order. Once `stop()` is true no new index starts; running ones finish.
 */
export async function forEachWithConcurrency(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<void>,
	stop: () => boolean = () => false,
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
