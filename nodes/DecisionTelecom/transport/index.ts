import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { redactText, secretsOf } from '../shared/redact';
import { classifyAnswer, classifyNetworkError, type Answer } from './answers';
import { realClock, type Clock } from './clock';
import { endpointUrl, READ_ATTEMPTS, type Endpoint } from './endpoints';
import { describeFailure, type Failure } from './failures';
import { RateLimitGate } from './rateLimitGate';
import { callWithRetries } from './retry';

export const CREDENTIAL_TYPE = 'decisionTelecomApi';

export interface ApiRequest {
	/** A JSON body; a string is sent as it is (ids written by hand keep every digit). */
	body?: object | string;
	/** Query parameters, already in the form DecisionTelecom expects. */
	query?: Record<string, string>;
}

export type CallResult = { ok: true; body: unknown } | { ok: false; failure: Failure };

export interface ClientSettings {
	timeoutMs: number;
	maxRateLimitWaitMs: number;
}

/**
 * The only place that talks HTTP to DecisionTelecom, one per node run: it reads the credential
 * once, shares one rate-limit gate between all requests of the run, and returns classified
 * results instead of throwing, so callers never have to guess what may be retried.
 */
export class ApiClient {
	private readonly gate: RateLimitGate;

	private readonly credentialOptions: IAdditionalCredentialOptions;

	private readonly secrets: string[];

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly credentials: ICredentialDataDecryptedObject,
		private readonly settings: ClientSettings,
		private readonly clock: Clock = realClock,
	) {
		this.gate = new RateLimitGate(clock);
		this.secrets = secretsOf(credentials);
		// Handing n8n the credentials already read spares it loading and decrypting them again for
		// every request, which at volume costs more time than the request itself.
		const ref = context.getNode().credentials?.[CREDENTIAL_TYPE];
		this.credentialOptions = {
			credentialsDecrypted: {
				id: ref?.id ?? '',
				name: ref?.name ?? '',
				type: CREDENTIAL_TYPE,
				data: credentials,
			},
		};
	}

	/** Calls an endpoint, retrying only what is safe to retry for it. */
	async call(endpoint: Endpoint, request: ApiRequest): Promise<CallResult> {
		const outcome = await callWithRetries(
			async () => await this.send(endpoint, request),
			this.gate,
			{
				maxRateLimitWaitMs: this.settings.maxRateLimitWaitMs,
				unknownRetries: endpoint.effect === 'reads' ? READ_ATTEMPTS - 1 : 0,
			},
			this.clock,
		);
		if (outcome.kind === 'accepted') return { ok: true, body: outcome.body };
		return {
			ok: false,
			failure: describeFailure(outcome, endpoint, (text) => redactText(text, this.secrets)),
		};
	}

	private async send(endpoint: Endpoint, request: ApiRequest): Promise<Answer> {
		const options: IHttpRequestOptions = {
			method: endpoint.method,
			url: endpointUrl(this.credentials.baseUrl, endpoint.path),
			headers: { Accept: 'application/json' },
			encoding: 'text',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.settings.timeoutMs,
		};
		if (request.query) options.qs = request.query;
		if (request.body !== undefined) {
			options.body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
			options.headers = { ...options.headers, 'Content-Type': 'application/json; charset=utf-8' };
		}
		let response: { statusCode: number; headers?: Record<string, unknown>; body: unknown };
		try {
			response = await this.context.helpers.httpRequestWithAuthentication.call(
				this.context,
				CREDENTIAL_TYPE,
				options,
				this.credentialOptions,
			);
		} catch (error) {
			// n8n wraps transport errors; the cause carries the socket error code.
			const cause = (error as { cause?: { code?: string; message?: string } }).cause;
			return classifyNetworkError({
				code: cause?.code ?? (error as { code?: string }).code,
				message: cause?.message ?? (error as Error).message,
			});
		}
		return classifyAnswer(
			{
				status: response.statusCode,
				headers: response.headers ?? {},
				bodyText: bodyText(response.body),
			},
			endpoint.isSuccess,
			this.clock.now(),
		);
	}
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return body === undefined || body === null ? '' : JSON.stringify(body);
}
