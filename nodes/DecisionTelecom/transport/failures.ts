import type { Answer, Refusal } from './answers';
import { MESSAGE_WORDING, READ_ATTEMPTS, type Endpoint } from './endpoints';
import type { CallOutcome } from './retry';

/** A failed call, worded for the user. `outcome` says whether a send may have gone out. */
export interface Failure {
	message: string;
	description: string;
	outcome: 'notSent' | 'unknown';
	httpCode?: number;
	/** Why DecisionTelecom definitely did not act, when it said so. */
	refusal?: Refusal;
}

export const KEY_REJECTED_MESSAGE = 'The access key was rejected by DecisionTelecom';
export const KEY_REJECTED_FIX =
	"Open the DecisionTelecom API credential and check the 'Access Key': paste the whole key, exactly as your account manager gave it.";

type Failed = Exclude<CallOutcome, { kind: 'accepted' }>;

function wordingOf(endpoint: Endpoint) {
	return endpoint.wording ?? MESSAGE_WORDING;
}

function nothingSent(endpoint: Endpoint): string {
	return endpoint.effect === 'sends' ? ' Nothing was sent.' : '';
}

function refusedFailure(
	answer: Extract<Answer, { kind: 'refused' }>,
	endpoint: Endpoint,
	redact: (text: string) => string,
): Failure {
	const apiText = redact(answer.apiText);
	const base = {
		outcome: 'notSent' as const,
		httpCode: answer.httpStatus,
		refusal: answer.refusal,
	};
	switch (answer.refusal) {
		case 'keyRejected':
			return {
				...base,
				message: KEY_REJECTED_MESSAGE,
				description: `${KEY_REJECTED_FIX}${nothingSent(endpoint)}`,
			};
		case 'balanceEmpty':
			return {
				...base,
				message: `Your DecisionTelecom balance is empty${endpoint.effect === 'sends' ? `; ${wordingOf(endpoint).notSent}` : ''}`,
				description: 'Top up your DecisionTelecom balance, then run the workflow again.',
			};
		case 'invalidParameter': {
			const field = answer.apiField === undefined ? undefined : redact(answer.apiField);
			const label = field === undefined ? undefined : (endpoint.fieldLabels[field] ?? field);
			return {
				...base,
				message: label
					? `DecisionTelecom rejected the parameter '${label}'${label === field ? '' : ` (${field})`}`
					: `DecisionTelecom rejected the request${apiText ? `: ${apiText}` : ''}`,
				description: `${apiText ? `${apiText}. ` : ''}Correct ${label ? `'${label}'` : 'the input'} and run again.${nothingSent(endpoint)}`,
			};
		}
		case 'unreachable':
			return {
				...base,
				message: 'Could not connect to DecisionTelecom',
				description: `Check the 'Base URL' in the credential and your network.${nothingSent(endpoint)}`,
			};
	}
}

function unknownFailure(answer: Extract<Answer, { kind: 'unknown' }>, endpoint: Endpoint): Failure {
	const code = answer.networkCode ? ` (${answer.networkCode})` : '';
	const baseUrlHint =
		answer.httpStatus === 404
			? " If this keeps happening, check the 'Base URL' in the credential."
			: '';
	if (endpoint.effect === 'sends') {
		return {
			message: `Outcome unknown: ${answer.reason}`,
			description: `${wordingOf(endpoint).unknownOutcome}${code}${baseUrlHint}`,
			outcome: 'unknown',
			httpCode: answer.httpStatus,
		};
	}
	return {
		message: `Could not ${endpoint.action}: ${answer.reason}`,
		description: `Nothing was changed; the request was tried ${READ_ATTEMPTS} times. Try again in a few minutes.${code}${baseUrlHint}`,
		outcome: 'unknown',
		httpCode: answer.httpStatus,
	};
}

/** The user's view of a call that did not succeed. API text is passed through `redact`. */
export function describeFailure(
	outcome: Failed,
	endpoint: Endpoint,
	redact: (text: string) => string,
): Failure {
	if (outcome.kind === 'refused') return refusedFailure(outcome, endpoint, redact);
	if (outcome.kind === 'unknown') return unknownFailure(outcome, endpoint);
	const waited = outcome.kind === 'gaveUp' ? outcome.waitedMs : 0;
	return {
		message: `DecisionTelecom's rate limit held this item back for ${(Math.round(waited / 100) / 10).toFixed(1)} s (Rate Limit Max Wait); ${endpoint.effect === 'sends' ? wordingOf(endpoint).notSent : 'nothing was read'}`,
		description:
			"Nothing was sent for this item. Run the workflow again later, lower 'Max Concurrent Requests', or raise 'Rate Limit Max Wait'.",
		outcome: 'notSent',
		httpCode: outcome.kind === 'rateLimited' ? outcome.httpStatus : 429,
	};
}
