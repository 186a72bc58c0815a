export const DEFAULT_BASE_URL = 'https://web.it-decision.com/v1/api';

/** How often a read is tried when its answer is lost (a send is tried once: it may cost money). */
export const READ_ATTEMPTS = 3;

/** What a call does at DecisionTelecom: a send may cost money, a read never does. */
export type CallEffect = 'sends' | 'reads';

/** How the failures of a call that sends are worded; the default speaks of a message. */
export interface SendWording {
	/** Completes "Your DecisionTelecom balance is empty; …", e.g. "the message was not sent". */
	notSent: string;
	/** The description of an unknown outcome: what may have happened and how to check. */
	unknownOutcome: string;
}

export const MESSAGE_WORDING: SendWording = {
	notSent: 'the message was not sent',
	unknownOutcome:
		'The message may have been accepted (and charged), so it was not sent again. Before resending, check its delivery report in the DecisionTelecom Trigger or your DecisionTelecom account.',
};

/** One DecisionTelecom API endpoint, as a resource declares it. */
export interface Endpoint {
	path: string;
	method: 'GET' | 'POST';
	effect: CallEffect;
	/** What the call does, for messages: "Could not <action>". */
	action: string;
	/** Whether a 2xx body is this endpoint's success answer (anything else is "outcome unknown"). */
	isSuccess: (body: unknown) => boolean;
	/** The node's label of each API field, to name the parameter DecisionTelecom rejected. */
	fieldLabels: Record<string, string>;
	/** For calls that send: how their failures are worded (MESSAGE_WORDING when not set). */
	wording?: SendWording;
}

/** The URL of an endpoint under the credential's Base URL (the default when empty). */
export function endpointUrl(baseUrl: unknown, path: string): string {
	const base =
		typeof baseUrl === 'string' && baseUrl.trim() !== '' ? baseUrl.trim() : DEFAULT_BASE_URL;
	return `${base.replace(/\/+$/, '')}/${path}`;
}

/** DecisionTelecom's Basic header: the base64 of the key alone, without a colon. */
export function basicAuthorization(accessKey: unknown): string {
	return `Basic ${Buffer.from(typeof accessKey === 'string' ? accessKey : '', 'utf8').toString('base64')}`;
}
