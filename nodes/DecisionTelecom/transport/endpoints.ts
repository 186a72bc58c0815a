export const DEFAULT_BASE_URL = 'https://web.it-decision.com/v1/api';

/** How often a read is tried when its answer is lost (a send is tried once: it may cost money). */
export const READ_ATTEMPTS = 3;

/** What a call does at DecisionTelecom: a send may cost money, a read never does. */
export type CallEffect = 'sends' | 'reads';

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
}

/** The URL of an endpoint under the credential's Base URL (the default when empty). */
export function endpointUrl(baseUrl: unknown, path: string): string {
	const base = typeof baseUrl === 'string' && baseUrl.trim() !== '' ? baseUrl.trim() : DEFAULT_BASE_URL;
	return `${base.replace(/\/+$/, '')}/${path}`;
}

/** DecisionTelecom's Basic header: the base64 of the key alone, without a colon. */
export function basicAuthorization(accessKey: unknown): string {
	return `Basic ${Buffer.from(typeof accessKey === 'string' ? accessKey : '', 'utf8').toString('base64')}`;
}
