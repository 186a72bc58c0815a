import { RECEIVE_VIBER, SEND_VIBER } from '../../../nodes/DecisionTelecom/actions/viberMessage/api';
import { redactText } from '../../../nodes/DecisionTelecom/shared/redact';
import { describeFailure } from '../../../nodes/DecisionTelecom/transport/failures';

const keep = (text: string) => text;

describe('describeFailure: what the user reads, and whether a send may have gone out', () => {
	it.each([
		['keyRejected', 'The access key was rejected by DecisionTelecom', 401],
		['balanceEmpty', 'Your DecisionTelecom balance is empty; the message was not sent', 402],
		['unreachable', 'Could not connect to DecisionTelecom', undefined],
	] as const)('%s is not sent', (refusal, message, httpStatus) => {
		const failure = describeFailure(
			{ kind: 'refused', refusal, apiText: '', httpStatus },
			SEND_VIBER,
			keep,
		);
		expect(failure).toMatchObject({ message, outcome: 'notSent', httpCode: httpStatus });
		expect(failure.description).toMatch(/Nothing was sent\.$|then run the workflow again\.$/);
	});

	it('names the parameter DecisionTelecom rejected, by its label in the node', () => {
		const failure = describeFailure(
			{
				kind: 'refused',
				refusal: 'invalidParameter',
				apiText: 'Invalid Parameter: source_addr: Empty parameter',
				apiField: 'source_addr',
				httpStatus: 400,
			},
			SEND_VIBER,
			keep,
		);
		expect(failure).toEqual({
			message: "DecisionTelecom rejected the parameter 'Sender' (source_addr)",
			description:
				"Invalid Parameter: source_addr: Empty parameter. Correct 'Sender' and run again. Nothing was sent.",
			outcome: 'notSent',
			httpCode: 400,
			refusal: 'invalidParameter',
		});
	});

	it('shows an unmapped field by its API name, and the API text when no field is named', () => {
		expect(
			describeFailure(
				{ kind: 'refused', refusal: 'invalidParameter', apiText: 'x', apiField: 'foo_bar' },
				SEND_VIBER,
				keep,
			).message,
		).toBe("DecisionTelecom rejected the parameter 'foo_bar'");
		expect(
			describeFailure(
				{ kind: 'refused', refusal: 'invalidParameter', apiText: 'Bad thing' },
				SEND_VIBER,
				keep,
			).message,
		).toBe('DecisionTelecom rejected the request: Bad thing');
	});

	it('an unknown send says the message may have been accepted and was not sent again', () => {
		const failure = describeFailure(
			{ kind: 'unknown', reason: 'DecisionTelecom answered HTTP 502', httpStatus: 502 },
			SEND_VIBER,
			keep,
		);
		expect(failure).toMatchObject({
			message: 'Outcome unknown: DecisionTelecom answered HTTP 502',
			outcome: 'unknown',
			httpCode: 502,
		});
		expect(failure.description).toContain(
			'may have been accepted (and charged), so it was not sent again',
		);
	});

	it("an endpoint's own wording replaces the message wording of sends", () => {
		const lookup = {
			...SEND_VIBER,
			wording: { notSent: 'no lookup was made', unknownOutcome: 'The lookup may have been made.' },
		};
		expect(
			describeFailure({ kind: 'refused', refusal: 'balanceEmpty', apiText: '' }, lookup, keep)
				.message,
		).toBe('Your DecisionTelecom balance is empty; no lookup was made');
		expect(describeFailure({ kind: 'unknown', reason: 'r' }, lookup, keep).description).toBe(
			'The lookup may have been made.',
		);
		expect(describeFailure({ kind: 'gaveUp', waitedMs: 0 }, lookup, keep).message).toContain(
			'(Rate Limit Max Wait); no lookup was made',
		);
	});

	it('a 404 suggests checking the Base URL, still as unknown', () => {
		const failure = describeFailure(
			{ kind: 'unknown', reason: 'DecisionTelecom answered HTTP 404', httpStatus: 404 },
			SEND_VIBER,
			keep,
		);
		expect(failure.outcome).toBe('unknown');
		expect(failure.description).toContain("check the 'Base URL'");
	});

	it('an unknown read says nothing changed and how often it was tried, with the socket code', () => {
		const failure = describeFailure(
			{
				kind: 'unknown',
				reason: 'the connection to DecisionTelecom was lost',
				networkCode: 'ECONNRESET',
			},
			RECEIVE_VIBER,
			keep,
		);
		expect(failure.message).toBe(
			'Could not get the status of the Viber message: the connection to DecisionTelecom was lost',
		);
		expect(failure.description).toBe(
			'Nothing was changed; the request was tried 3 times. Try again in a few minutes. (ECONNRESET)',
		);
	});

	it('a rate-limit give-up is not sent and says how long it waited', () => {
		const failure = describeFailure({ kind: 'gaveUp', waitedMs: 3049 }, SEND_VIBER, keep);
		expect(failure.message).toBe(
			"DecisionTelecom's rate limit held this item back for 3.0 s (Rate Limit Max Wait); the message was not sent",
		);
		expect(failure.outcome).toBe('notSent');
	});

	it('passes API text through the redaction', () => {
		const secrets = ['the-access-key-123', 'callback-secret-abcdef'];
		const failure = describeFailure(
			{
				kind: 'refused',
				refusal: 'invalidParameter',
				apiText:
					'Invalid Parameter: callback_url: https://x.example/hook?secret=callback-secret-abcdef key the-access-key-123',
				apiField: 'callback_url',
			},
			SEND_VIBER,
			(text) => redactText(text, secrets),
		);
		expect(JSON.stringify(failure)).not.toMatch(/callback-secret-abcdef|the-access-key-123/);
		expect(failure.description).toContain('secret=[redacted] key [redacted]');
	});
});
