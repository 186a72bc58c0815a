import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { basicAuthorization, DEFAULT_BASE_URL } from '../nodes/DecisionTelecom/transport/endpoints';

export class DecisionTelecomApi implements ICredentialType {
	name = 'decisionTelecomApi';

	displayName = 'DecisionTelecom API';

	icon: Icon = {
		light: 'file:../icons/decisionTelecom.svg',
		dark: 'file:../icons/decisionTelecom.dark.svg',
	};

	documentationUrl = 'https://github.com/decisiontelecom-n8n/n8n-nodes-decisiontelecom#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The access key (user hash key) your DecisionTelecom account manager gave you. Paste it as you received it; the node Base64-encodes it.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			required: true,
			description:
				'Address of the DecisionTelecom API. Change it only to use another DecisionTelecom endpoint or a test server.',
		},
		{
			displayName: 'Callback Secret',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional; at least 16 characters, e.g. the output of openssl rand -hex 24. The DecisionTelecom node adds it to every callback URL it sends, and the DecisionTelecom Trigger rejects callbacks that do not carry it.',
		},
		{
			displayName: 'Previous Callback Secret',
			name: 'previousCallbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional, while you rotate the Callback Secret: messages sent before the rotation carry this one in their callback URL, and the trigger keeps accepting it. Clear it once those messages have reported.',
		},
		{
			displayName: 'Default Callback URL',
			name: 'defaultCallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/0f1e.../webhook',
			description:
				"Optional. Used as the callback URL of every message sent without one of its own. Paste the DecisionTelecom Trigger's Production URL here.",
		},
	];

	// A function rather than a header expression: n8n would evaluate the expression for every
	// request, which at volume costs more than the request itself.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: basicAuthorization(credentials.apiKey) },
		};
	}
}
