import type { Answer } from './answers';
import type { Clock } from './clock';
import type { RateLimitGate } from './rateLimitGate';

export interface RetryPolicy {
	/**
	 * Rate Limit Max Wait. An item fails as not sent once this long has passed since DecisionTelecom
	 * first refused it, or since the run's refusal episode began (every request refused, none
	 * accepted since), whichever comes first; no request is sent after that moment.
	 */
	maxRateLimitWaitMs: number;
	/** Extra attempts after an unknown outcome: 0 for sends, which must never be repeated. */
	unknownRetries: number;
}

/** The final answer for one item, or a rate-limit give-up with the time waited. */
export type CallOutcome = Answer | { kind: 'gaveUp'; waitedMs: number };

const UNKNOWN_RETRY_BASE_MS = 500;

/**
 * Calls the API until it answers with something other than a 429 (bounded by the policy). A 429
 * means the request was not acted on, so repeating it can never send a message twice.
 */
export async function callWithRetries(
	call: () => Promise<Answer>,
	gate: RateLimitGate,
	policy: RetryPolicy,
	clock: Clock,
): Promise<CallOutcome> {
	let firstRefusedAt: number | undefined;
	let unknownRetriesLeft = policy.unknownRetries;
	for (;;) {
		const episodeStart = gate.refusingSince();
		const waitingSince = Math.min(firstRefusedAt ?? Infinity, episodeStart ?? Infinity);
		const deadline = waitingSince + policy.maxRateLimitWaitMs;
		if (!(await gate.waitForTurn(deadline)))
			return { kind: 'gaveUp', waitedMs: clock.now() - waitingSince };

		const ticket = gate.started();
		let answer: Answer | undefined;
		try {
			answer = await call();
		} finally {
			if (answer?.kind === 'accepted') gate.accepted(ticket);
			else if (answer?.kind === 'rateLimited')
				gate.refused(ticket, answer.retryAfterMs, answer.limit);
			else gate.answered();
		}
		if (answer.kind === 'rateLimited') {
			firstRefusedAt ??= clock.now();
			continue;
		}
		if (answer.kind === 'unknown' && unknownRetriesLeft > 0) {
			unknownRetriesLeft--;
			await clock.sleep(
				UNKNOWN_RETRY_BASE_MS * 2 ** (policy.unknownRetries - unknownRetriesLeft - 1),
			);
			continue;
		}
		return answer;
	}
}
