import { createHmac, timingSafeEqual } from 'crypto';

/** The query parameter of the node's own token in the callback URL it hands to DecisionTelecom. */
export const WAIT_TOKEN_PARAMETER = 'waitToken';

/**
 * A token only the node can make: an HMAC of the execution and node, keyed with the access key.
 * It protects the resume URL where n8n does not (n8n 1.x resume URLs carry no token of n8n's own)
 * and needs nothing stored: the webhook recomputes it.
 */
export function waitToken(accessKey: string, executionId: string, nodeId: string): string {
	return createHmac('sha256', accessKey)
		.update(`decisiontelecom-wait:${executionId}:${nodeId}`)
		.digest('base64url');
}

export function waitTokenMatches(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || received.length !== expected.length) return false;
	return timingSafeEqual(Buffer.from(received), Buffer.from(expected));
}

/**
 * The callback URL of a waiting message: n8n's resume URL of this execution with the node id
 * appended to the path (n8n routes /webhook-waiting/<execution>/<node id> to the waiting node) and
 * the node's token. Send adds the credential's Callback Secret to it, as to any callback URL.
 */
export function waitCallbackUrl(resumeUrl: string, nodeId: string, token: string): string {
	const url = new URL(resumeUrl);
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(nodeId)}`;
	url.searchParams.set(WAIT_TOKEN_PARAMETER, token);
	return url.toString();
}
