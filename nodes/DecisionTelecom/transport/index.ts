import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { endpointUrl } from '../../../credentials/DecisionTelecomApi.credentials';
import { classifyNetworkError, classifyResponse, type ApiOutcome, type Endpoint } from '../helpers/apiResponse';

// The wrapper n8n needs to use already-read credentials, built once per run.
const preparedCredentials = new WeakMap<ICredentialDataDecryptedObject, IAdditionalCredentialOptions>();

/**
 * The only place that talks HTTP to DecisionTelecom. It never throws for an API answer: it
 * returns a classified outcome so callers can decide what may be retried. The answer is read as
 * text so ids above 2^53 keep every digit; a body given as a string is sent as it is.
 *
 * `credentials` are the ones the operation read once for its run (their Base URL included): n8n
 * then authenticates each request with them instead of loading and decrypting the credential from
 * its database again for every request, which at volume cost more time than the request itself.
 */
export async function callDecisionTelecom(
	context: IExecuteFunctions,
	credentials: ICredentialDataDecryptedObject,
	endpoint: Endpoint,
	body: object | string,
	timeoutMs: number,
): Promise<ApiOutcome> {
	const url = endpointUrl(credentials.baseUrl, endpoint);
	let additional = preparedCredentials.get(credentials);
	if (!additional) {
		const ref = context.getNode().credentials?.decisionTelecomApi;
		additional = {
			credentialsDecrypted: { id: ref?.id ?? '', name: ref?.name ?? '', type: 'decisionTelecomApi', data: credentials },
		};
		preparedCredentials.set(credentials, additional);
	}
	let response: { statusCode: number; headers: Record<string, unknown>; body: unknown };
	try {
		response = await context.helpers.httpRequestWithAuthentication.call(context, 'decisionTelecomApi', {
			method: 'POST',
			url,
			body: typeof body === 'string' ? body : JSON.stringify(body),
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				Accept: 'application/json',
			},
			encoding: 'text',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
		}, additional);
	} catch (error) {
		// n8n wraps transport errors; the cause carries the socket error code.
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		return classifyNetworkError(endpoint, {
			code: cause?.code ?? (error as { code?: string }).code,
			message: cause?.message ?? (error as Error).message,
		});
	}
	const text =
		typeof response.body === 'string'
			? response.body
			: Buffer.isBuffer(response.body)
				? response.body.toString('utf8')
				: JSON.stringify(response.body ?? '');
	return classifyResponse(endpoint, response.statusCode, response.headers ?? {}, text);
}
