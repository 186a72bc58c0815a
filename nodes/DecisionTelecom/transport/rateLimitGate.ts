import type { Clock } from './clock';
import type { RateLimit } from './rateLimitHeaders';

const BACKOFF_BASE_MS = 250;
export const BACKOFF_CAP_MS = 16000;

/** Arrival jitter the paced requests absorb, in ms (2 requests at 100/s). */
const PACE_RESERVE_MS = 20;

/** The client's copy of the API's allowance once a refusal announced the limit. */
interface Pace {
	perMs: number;
	capacity: number;
	/** Tokens left unused so requests that arrive closer together than they started still pass. */
	reserve: number;
	tokens: number;
	at: number;
}

/** Handed out when a request starts; tells the gate which pause the request was sent after. */
export interface Ticket {
	round: number;
}

/**
 * One gate shared by every request of a node run. When DecisionTelecom refuses a request (429),
 * every request of the run pauses, so the run slows down as a whole instead of hammering the limit.
 *
 * The back-off grows once per round of refusals, not once per refused request: requests that were
 * already on their way when a pause began belong to the round that caused it. When a refusal
 * announces the limit (X-Rate-Limit-Limit per X-Rate-Limit-Reset seconds), the gate keeps a copy
 * of the API's allowance from then on and lets requests through at that pace.
 *
 * `refusingSince` is the first refusal since the last accepted request: the run's refusal episode.
 */
export class RateLimitGate {
	private resumeAt = 0;

	private round = 0;

	private backoffStep = 0;

	private refusingSinceMs: number | undefined;

	private pace: Pace | undefined;

	private inFlight = 0;

	constructor(private readonly clock: Clock) {}

	/** When every request of the run has been refused since; undefined while requests pass. */
	refusingSince(): number | undefined {
		return this.refusingSinceMs;
	}

	/** The rate the gate paces requests at, per second, once the API announced one. */
	pacedPerSecond(): number | undefined {
		return this.pace === undefined ? undefined : this.pace.perMs * 1000;
	}

	/**
	 * Waits until a request may be sent, but not past `deadline` (a clock time). Returns false when
	 * the deadline came first: the request must then not be sent.
	 */
	async waitForTurn(deadline: number): Promise<boolean> {
		for (;;) {
			const now = this.clock.now();
			if (now >= deadline) return false;
			const openAt = Math.max(this.resumeAt, this.paceOpensAt(now));
			if (openAt <= now) {
				if (this.pace) this.pace.tokens -= 1;
				return true;
			}
			await this.clock.sleep(Math.min(openAt, deadline) - now);
		}
	}

	/** Call just before a request goes out; pass the ticket to `accepted` or `refused`. */
	started(): Ticket {
		this.inFlight++;
		return { round: this.round };
	}

	/** The request got an answer other than a refusal. */
	answered(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}

	/** The request was accepted: the API is letting requests through again. */
	accepted(ticket: Ticket): void {
		this.answered();
		this.refusingSinceMs = undefined;
		if (ticket.round === this.round) this.backoffStep = 0;
	}

	/** The request was refused (429); pauses the whole run. */
	refused(ticket: Ticket, retryAfterMs?: number, limit?: RateLimit): void {
		this.answered();
		const now = this.clock.now();
		this.refusingSinceMs ??= now;
		this.updatePace(now, limit);
		const newRound = ticket.round === this.round;
		if (newRound) {
			this.round++;
			this.backoffStep++;
		}
		if (retryAfterMs !== undefined) {
			// Small jitter so paused requests do not all come back in the same millisecond.
			const jitter = Math.round(this.clock.random() * Math.min(100, retryAfterMs * 0.1 + 10));
			this.resumeAt = Math.max(this.resumeAt, now + retryAfterMs + jitter);
		} else if (newRound) {
			const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (this.backoffStep - 1));
			this.resumeAt = Math.max(
				this.resumeAt,
				now + Math.round(ceiling / 2 + (this.clock.random() * ceiling) / 2),
			);
		}
	}

	private paceOpensAt(now: number): number {
		const pace = this.pace;
		if (!pace) return now;
		pace.tokens = Math.min(pace.capacity, pace.tokens + (now - pace.at) * pace.perMs);
		pace.at = now;
		const missing = 1 + pace.reserve - pace.tokens;
		return missing <= 0 ? now : now + Math.max(1, Math.ceil(missing / pace.perMs));
	}

	private updatePace(now: number, limit?: RateLimit): void {
		if (limit && limit.requests >= 1 && limit.windowMs > 0) {
			const perMs = limit.requests / limit.windowMs;
			const reserve = Math.min(
				Math.floor(limit.requests / 2),
				Math.max(1, Math.ceil(perMs * PACE_RESERVE_MS)),
			);
			this.pace = { perMs, capacity: limit.requests, reserve, tokens: -this.inFlight, at: now };
		} else if (this.pace) {
			// A refusal means the API's allowance is empty now, whatever our copy says; the requests
			// still on their way will take what it refills first.
			this.pace.tokens = -this.inFlight;
			this.pace.at = now;
		}
	}
}
