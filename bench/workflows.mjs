// The benchmark's workflows: Webhook (POST {count, concurrency}) -> Code (count items) -> the
// contender, which sends the same body for every item as every other contender.
import crypto from 'node:crypto';

import { ACCESS_KEY, AUTHORIZATION, CRED, HTTP_BATCH, HTTP_RETRY } from './settings.mjs';

const uuid = () => crypto.randomUUID();

function benchWorkflow(id, contender) {
	const webhook = {
		id: uuid(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: uuid(),
		parameters: {
			httpMethod: 'POST',
			path: `bench-${id}`,
			responseMode: 'lastNode',
			responseData: 'noData',
			options: {},
		},
	};
	const items = {
		id: uuid(),
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, 0],
		parameters: {
			jsCode:
				'const n = Number($input.first().json.body.count);\n' +
				"return Array.from({ length: n }, (_, i) => ({ json: { recipient: '3805' + String(i).padStart(8, '0'), n: i } }));",
		},
	};
	return {
		id,
		name: `Bench ${id}`,
		active: false,
		nodes: [webhook, items, { id: uuid(), name: 'Contender', position: [400, 0], ...contender }],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Contender', type: 'main', index: 0 }]] },
		},
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
			saveManualExecutions: true,
		},
		pinData: {},
	};
}

function oursNode(options, settings = {}) {
	return {
		...settings,
		type: 'n8n-nodes-decisiontelecom.decisionTelecom',
		typeVersion: 1,
		parameters: {
			resource: 'viberMessage',
			operation: 'send',
			sender: 'Shop',
			recipient: '={{ $json.recipient }}',
			messageKind: 'text',
			category: 'transactional',
			text: '=Order {{ $json.n }} is ready',
			additionalFields: {},
			options,
		},
		credentials: { decisionTelecomApi: CRED },
	};
}

function httpNode(mockUrl, options, settings = {}) {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${mockUrl}/v1/api/send-viber`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: AUTHORIZATION }] },
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody:
				"={{ JSON.stringify({ source_addr: 'Shop', destination_addr: $json.recipient, message_type: 106, source_type: 2, text: 'Order ' + $json.n + ' is ready' }) }}",
			options,
		},
		...settings,
	};
}

const CONCURRENCY_FROM_WEBHOOK = '={{ $("Webhook").first().json.body.concurrency }}';

function workflows(mockUrl) {
	return {
		oursDefault: benchWorkflow('oursDefault', oursNode({})),
		oursC: benchWorkflow('oursC', oursNode({ maxConcurrentRequests: CONCURRENCY_FROM_WEBHOOK })),
		httpDefault: benchWorkflow('httpDefault', httpNode(mockUrl, {})),
		httpBatch: benchWorkflow('httpBatch', httpNode(mockUrl, { batching: { batch: HTTP_BATCH } })),
		httpRetry: benchWorkflow(
			'httpRetry',
			httpNode(mockUrl, {}, { retryOnFail: true, ...HTTP_RETRY }),
		),
		// the counterpart: gives up on the first 429 as the HTTP node does, so n8n retries the node;
		// the execution id keeps each key the same across the tries of one run and new in the next
		oursRetry: benchWorkflow(
			'oursRetry',
			oursNode(
				{
					rateLimitMaxWait: 0,
					sendOnce: {
						values: {
							key: '={{ $execution.id }}-{{ $json.n }}',
							scope: 'node',
							rememberLast: 10000,
						},
					},
				},
				{ retryOnFail: true, ...HTTP_RETRY },
			),
		),
		// diagnostic: the least any node can do inside n8n (bench/floor-node), same concurrency
		floor: benchWorkflow('floor', {
			type: 'n8n-nodes-benchfloor.benchFloor',
			typeVersion: 1,
			parameters: {
				url: `${mockUrl}/v1/api/send-viber`,
				authorization: AUTHORIZATION,
				concurrency: CONCURRENCY_FROM_WEBHOOK,
			},
		}),
		// control for the memory runs: what n8n itself needs for N items, without any request
		noop: benchWorkflow('noop', { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} }),
	};
}

/** The credential and the workflows, for bootN8n's `fixtures`. */
export function benchFixtures(mockUrl) {
	const data = {
		apiKey: ACCESS_KEY,
		baseUrl: `${mockUrl}/v1/api`,
		callbackSecret: '',
		defaultCallbackUrl: '',
	};
	return {
		credentials: [{ ...CRED, type: 'decisionTelecomApi', data }],
		workflows: workflows(mockUrl),
	};
}
