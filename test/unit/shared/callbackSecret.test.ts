import {
	callbackSecretsOf,
	secretMatches,
	tooShortIssue,
	withCallbackSecret,
} from '../../../nodes/DecisionTelecom/shared/callbackSecret';
import { fakeSecret } from '../../helpers/fakeSecret';

const CURRENT = fakeSecret('current');
const PREVIOUS = fakeSecret('previous');

describe('callbackSecretsOf', () => {
	it.each([
		[{}, { current: '', accepted: [] }],
		[{ callbackSecret: '' }, { current: '', accepted: [] }],
		[{ callbackSecret: CURRENT }, { current: CURRENT, accepted: [CURRENT] }],
		[
			{ callbackSecret: CURRENT, previousCallbackSecret: PREVIOUS },
			{ current: CURRENT, accepted: [CURRENT, PREVIOUS] },
		],
		[
			{ callbackSecret: '', previousCallbackSecret: PREVIOUS },
			{ current: '', accepted: [] },
		],
		[{ callbackSecret: 'abc' }, { current: '', accepted: [], tooShort: 'Callback Secret' }],
		[{ callbackSecret: 'x' }, { current: '', accepted: [], tooShort: 'Callback Secret' }],
		[
			{ callbackSecret: CURRENT, previousCallbackSecret: 'short' },
			{ current: '', accepted: [], tooShort: 'Previous Callback Secret' },
		],
		[{ callbackSecret: 42 }, { current: '', accepted: [] }],
	])('%j -> %j', (credentials, expected) => {
		expect(callbackSecretsOf(credentials)).toEqual(expected);
	});

	it('takes a secret of exactly 16 characters and refuses 15', () => {
		const sixteen = 'x'.repeat(16);
		expect(callbackSecretsOf({ callbackSecret: sixteen }).current).toBe(sixteen);
		expect(callbackSecretsOf({ callbackSecret: sixteen.slice(1) }).tooShort).toBe(
			'Callback Secret',
		);
	});

	it('takes a previous secret of exactly 16 characters and refuses 15', () => {
		const sixteen = 'y'.repeat(16);
		expect(
			callbackSecretsOf({ callbackSecret: CURRENT, previousCallbackSecret: sixteen }).accepted,
		).toEqual([CURRENT, sixteen]);
		expect(
			callbackSecretsOf({ callbackSecret: CURRENT, previousCallbackSecret: sixteen.slice(1) })
				.tooShort,
		).toBe('Previous Callback Secret');
	});

	it('words the problem with the field and how to fix it, without the value', () => {
		const issue = tooShortIssue('Callback Secret');
		expect(issue.message).toBe(
			'Callback Secret (in the DecisionTelecom API credential): is shorter than 16 characters',
		);
		expect(issue.fix).toContain('openssl rand -hex 24');
	});
});

describe('secretMatches', () => {
	it('accepts the current and the previous secret, nothing else', () => {
		expect(secretMatches(CURRENT, [CURRENT, PREVIOUS])).toBe(true);
		expect(secretMatches(PREVIOUS, [CURRENT, PREVIOUS])).toBe(true);
		expect(secretMatches(PREVIOUS, [CURRENT])).toBe(false);
		expect(secretMatches(`${CURRENT}x`, [CURRENT])).toBe(false);
		expect(secretMatches(CURRENT.toUpperCase(), [CURRENT])).toBe(false);
	});

	it.each([undefined, null, '', 123, [CURRENT], { value: CURRENT }])('refuses %j', (received) => {
		expect(secretMatches(received, [CURRENT])).toBe(false);
	});

	it('matches nothing when no secret is expected', () => {
		expect(secretMatches(CURRENT, [])).toBe(false);
	});
});

describe('withCallbackSecret', () => {
	it('adds or replaces the secret parameter and keeps the others', () => {
		expect(withCallbackSecret('https://h.example/w?a=1&secret=old', CURRENT)).toBe(
			`https://h.example/w?a=1&secret=${CURRENT}`,
		);
		expect(withCallbackSecret('https://h.example/w', '')).toBe('https://h.example/w');
	});
});
