import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { basicAuthorization, endpointUrl } from '../transport/endpoints';
import { KEY_REJECTED_FIX, KEY_REJECTED_MESSAGE } from '../transport/failures';

const REJECTED_MESSAGE = `${KEY_REJECTED_MESSAGE}. ${KEY_REJECTED_FIX}`;

/**
 * The credential's "Test" button. It asks for the status of message id 0, which costs nothing and
 * sends nothing: a rejected key answers 401, an accepted one answers with a status or a validation
 * error (code 1), with HTTP 200 or 400. Only 401/403 mean the key is wrong.
 */
export async function testDecisionTelecomCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const apiKey = String(data.apiKey ?? '');
	const url = endpointUrl(data.baseUrl, 'receive-viber');
	if (!apiKey) return { status: 'Error', message: 'Enter the access key.' };

	// Credential-test contexts offer only the legacy `request` helper, not httpRequest.
	const { request } = this.helpers;
	let statusCode: number;
	let body: unknown;
	try {
		const response = await request({
			method: 'POST',
			uri: url,
			headers: {
				Authorization: basicAuthorization(apiKey),
				Accept: 'application/json',
			},
			body: { message_id: 0 },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: 15000,
		});
		statusCode = Number(response.statusCode);
		body = response.body;
	} catch (error) {
		const reason = (error as { code?: string }).code ?? 'no answer';
		return {
			status: 'Error',
			message: `Could not reach DecisionTelecom at ${url} (${reason}). Check the Base URL.`,
		};
	}

	const bodyStatus =
		typeof body === 'object' && body !== null ? Number((body as { status?: unknown }).status) : NaN;
	if (statusCode === 401 || statusCode === 403 || bodyStatus === 401 || bodyStatus === 403) {
		return { status: 'Error', message: REJECTED_MESSAGE };
	}
	if (statusCode >= 500) {
		return {
			status: 'Error',
			message: `DecisionTelecom answered HTTP ${statusCode}; the key could not be checked. Try again later.`,
		};
	}
	if (statusCode === 404) {
		return {
			status: 'Error',
			message: `Nothing answers at ${url} (HTTP 404). Check the Base URL.`,
		};
	}
	return { status: 'OK', message: 'The access key was accepted.' };
}
