import { mock } from 'jest-mock-extended';
import { returnJsonArray } from 'n8n-core';
import type { IDataObject, INode, IWebhookFunctions } from 'n8n-workflow';

export interface ResponseStub {
	status: jest.Mock;
	send: jest.Mock;
	end: jest.Mock;
}

export interface ContextOptions {
	/** The raw request bytes (string or Buffer); omitted means the request has no raw body. */
	rawBody?: string | Buffer;
	/** Bytes n8n has not read (it reads only the content types it parses); readRawBody() reads them. */
	unreadBody?: string;
	contentType?: string;
	/** What getBodyData() returns (n8n's parsed body). */
	body?: unknown;
	query?: IDataObject;
	events?: string[];
	simplify?: boolean;
	/** When set (even to ''), a credential is attached to the node with this callback secret. */
	secret?: string;
	previousSecret?: string;
	/** The attached credential's id; each context gets its own unless given, since the trigger
	 * reuses a credential's secrets for a few seconds. */
	credentialId?: string;
}

let contexts = 0;

export function createContext(options: ContextOptions = {}) {
	const res: ResponseStub = {
		status: jest.fn(),
		send: jest.fn(),
		end: jest.fn(),
	};
	res.status.mockReturnValue(res);
	res.send.mockReturnValue(res);
	res.end.mockReturnValue(res);

	const logger = { warn: jest.fn(), info: jest.fn(), error: jest.fn(), debug: jest.fn() };
	const ctx = mock<IWebhookFunctions>({ helpers: { returnJsonArray }, logger: logger as never });
	const node: INode = {
		id: 'node-1',
		name: 'DecisionTelecom Trigger',
		type: 'n8n-nodes-decisiontelecom.decisionTelecomTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...(options.secret !== undefined
			? {
					credentials: {
						decisionTelecomApi: {
							id: options.credentialId ?? `cred-${++contexts}`,
							name: 'DecisionTelecom account',
						},
					},
				}
			: {}),
	};
	ctx.getNode.mockReturnValue(node);
	const getCredentials = jest.fn().mockResolvedValue({
		apiKey: 'key',
		baseUrl: 'https://web.it-decision.com/v1/api',
		callbackSecret: options.secret ?? '',
		previousCallbackSecret: options.previousSecret ?? '',
		defaultCallbackUrl: '',
	});
	(ctx.getCredentials as unknown as jest.Mock).mockImplementation(getCredentials);
	ctx.getQueryData.mockReturnValue(options.query ?? {});
	ctx.getBodyData.mockReturnValue((options.body ?? {}) as IDataObject);
	const rawBody =
		options.rawBody === undefined
			? undefined
			: Buffer.isBuffer(options.rawBody)
				? options.rawBody
				: Buffer.from(options.rawBody, 'utf8');
	const request = {
		rawBody,
		contentType: options.contentType,
		// what n8n's readRawBody does: read the bytes it left unread, once
		readRawBody: jest.fn(async () => {
			if (options.unreadBody !== undefined)
				request.rawBody ??= Buffer.from(options.unreadBody, 'utf8');
		}),
	};
	ctx.getRequestObject.mockReturnValue(
		request as unknown as ReturnType<IWebhookFunctions['getRequestObject']>,
	);
	ctx.getResponseObject.mockReturnValue(
		res as unknown as ReturnType<IWebhookFunctions['getResponseObject']>,
	);
	const params: Record<string, unknown> = {
		events: options.events ?? ['deliveryStatus', 'inboundMessage'],
		simplify: options.simplify ?? true,
	};
	(ctx.getNodeParameter as unknown as jest.Mock).mockImplementation(
		(name: string, fallback?: unknown) => (name in params ? params[name] : fallback),
	);
	return { ctx, res, getCredentials, request };
}
