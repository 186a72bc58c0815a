import { createHash, timingSafeEqual } from 'crypto';

import { InputIssue } from './inputIssue';

/** The query parameter that carries the callback secret in every callback URL the node sends. */
export const SECRET_QUERY_PARAMETER = 'secret';

export const MIN_CALLBACK_SECRET_LENGTH = 16;

export interface CallbackSecrets {
	/** The secret new messages carry; '' when none is set (callbacks are then not checked). */
	current: string;
	/** What the trigger accepts: the current secret and, during a rotation, the previous one. */
	accepted: string[];
	/** The label of a secret too short to protect anything. */
	tooShort?: string;
}

function field(credentials: Record<string, unknown>, name: string): string {
	return typeof credentials[name] === 'string' ? (credentials[name] as string) : '';
}

/** The credential's callback secrets. The previous one counts only while a current one is set. */
export function callbackSecretsOf(credentials: Record<string, unknown>): CallbackSecrets {
	const current = field(credentials, 'callbackSecret');
	if (current === '') return { current: '', accepted: [] };
	if (current.length < MIN_CALLBACK_SECRET_LENGTH)
		return { current: '', accepted: [], tooShort: 'Callback Secret' };
	const previous = field(credentials, 'previousCallbackSecret');
	if (previous === '') return { current, accepted: [current] };
	if (previous.length < MIN_CALLBACK_SECRET_LENGTH)
		return { current: '', accepted: [], tooShort: 'Previous Callback Secret' };
	return { current, accepted: [current, previous] };
}

/** The problem with a secret too short to protect anything, worded for the user. */
export function tooShortIssue(label: string): InputIssue {
	return new InputIssue(
		`${label} (in the DecisionTelecom API credential)`,
		`is shorter than ${MIN_CALLBACK_SECRET_LENGTH} characters`,
		'Use a long random value, for example the output of `openssl rand -hex 24`, or leave it empty.',
	);
}

/** Adds the secret to a callback URL as the `secret` query parameter. */
export function withCallbackSecret(url: string, secret: string): string {
	if (secret === '') return url;
	const parsed = new URL(url);
	parsed.searchParams.set(SECRET_QUERY_PARAMETER, secret);
	return parsed.toString();
}

function sha256(value: string): Buffer {
	// a string is hashed as UTF-8
	return createHash('sha256').update(value).digest();
}

/**
 * Whether the received secret equals one of the expected ones. Both sides are hashed first, so the
 * comparison runs in constant time on equal-length digests and leaks neither secret nor length.
 * Anything but a single non-empty string (missing, empty, repeated parameter) is refused.
 */
export function secretMatches(received: unknown, expected: readonly string[]): boolean {
	// '' could never match (every accepted secret has 16 or more characters): refused unhashed
	if (typeof received !== 'string' || received === '') return false;
	const digest = sha256(received);
	let matched = false;
	for (const secret of expected) matched = timingSafeEqual(digest, sha256(secret)) || matched;
	return matched;
}
