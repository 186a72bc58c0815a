import type { IHookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { mock } from 'jest-mock-extended';

import { DecisionTelecomTrigger } from '../../nodes/DecisionTelecom/DecisionTelecomTrigger.node';
import { describeDelivery } from '../../nodes/DecisionTelecom/actions/viberMessage/deliveryStatus';
import { createContext, type ContextOptions } from './context';

// C1 is the 2-way reply body DecisionTelecom documents; C2 and C3 have the shape of the status
// endpoint's answer, which is the best guess for a status callback (its body is not documented).
const C1 =
	'{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"a message to the service","tracking_data":"tracking_id:100035"}}';
const C2 = '{"message_id":429,"status":1}';
const C3 = '{"message_id":429,"status":4,"sms_message_id":36478,"sms_message_status":2}';

// The credential's Callback Secret in these tests.
const GUARD = 'Sup3r-s3cret-callback-value';

const BIG_REPLY_ID = '12345678901234567890';

const trigger = new DecisionTelecomTrigger();

async function run(options: ContextOptions) {
	const { ctx, res, getCredentials } = createContext(options);
	const result: IWebhookResponseData = await trigger.webhook.call(ctx);
	return { result, res, getCredentials };
}

function jsonItems(result: IWebhookResponseData) {
	expect(result.workflowData).toHaveLength(1);
	return result.workflowData![0].map((item) => item.json);
}

function expectRejected(outcome: Awaited<ReturnType<typeof run>>, code: number): void {
	expect(outcome.result).toEqual({ noWebhookResponse: true });
	expect(outcome.result.workflowData).toBeUndefined();
	expect(outcome.res.status).toHaveBeenCalledWith(code);
	expect(outcome.res.send).toHaveBeenCalledTimes(1);
}

describe('DecisionTelecomTrigger description', () => {
	const { description } = trigger;

	it('answers on receipt with an empty body on POST /webhook', () => {
		expect(description.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
				responseData: 'noData',
			},
		]);
	});

	it('is a trigger, not a tool, with an optional tested credential', () => {
		expect(description.name).toBe('decisionTelecomTrigger');
		expect(description.displayName).toBe('DecisionTelecom Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.subtitle).toBeTruthy();
		expect(description.credentials).toEqual([
			{ name: 'decisionTelecomApi', required: false, testedBy: 'decisionTelecomApiTest' },
		]);
		expect(typeof trigger.methods.credentialTest.decisionTelecomApiTest).toBe('function');
	});

	it('selects both events by default and simplifies by default', () => {
		const events = description.properties.find((p) => p.name === 'events');
		expect(events?.type).toBe('multiOptions');
		expect(events?.default).toEqual(['deliveryStatus', 'inboundMessage']);
		const simplify = description.properties.find((p) => p.name === 'simplify');
		expect(simplify?.default).toBe(true);
		expect(simplify?.description).toMatch(/^Whether /);
	});

	it('tells the user where to paste the Production URL, once in the whole panel', () => {
		const notice = description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toContain('Production URL');
		expect(notice?.displayName).toContain("'Callback URL'");
		expect(notice?.displayName).toContain("'Default Callback URL'");
		const panelTexts = [JSON.stringify(description.triggerPanel), notice?.displayName].join(' ');
		expect(panelTexts.match(/paste/gi)).toHaveLength(1);
		expect(panelTexts.match(/Default Callback URL/g)).toHaveLength(1);
	});

	it("names the buttons of n8n 2.x's trigger panel: 'Execute step' and 'Stop Listening'", () => {
		const help = JSON.stringify(description.triggerPanel);
		expect(help).toContain("'Execute step'");
		expect(help).toContain("'Stop Listening'");
		expect(help).not.toMatch(/Listen for test event/i);
	});
});

describe('DecisionTelecomTrigger webhookMethods', () => {
	it.each(['checkExists', 'create', 'delete'] as const)('%s resolves true', async (method) => {
		const hook = mock<IHookFunctions>();
		await expect(trigger.webhookMethods.default[method].call(hook)).resolves.toBe(true);
	});
});

describe('DecisionTelecomTrigger webhook(): event shapes', () => {
	it('turns the 2-way reply C1 into an inboundMessage item', async () => {
		const { result, res } = await run({ rawBody: C1 });
		expect(jsonItems(result)).toEqual([
			{
				eventType: 'inboundMessage',
				phoneNumber: '972512222222',
				text: 'a message to the service',
				messageToken: '44444444444444',
				time: '2037-03-21T01:35:21.000Z',
				timeRaw: 2121212121,
				inReplyToMessageId: '100035',
				trackingData: 'tracking_id:100035',
			},
		]);
		expect(res.status).not.toHaveBeenCalled();
	});

	it('turns the status C2 into a deliveryStatus item named like Get Status', async () => {
		const { result } = await run({ rawBody: C2 });
		expect(jsonItems(result)).toEqual([
			{
				eventType: 'deliveryStatus',
				messageId: '429',
				viberStatus: 1,
				viberStatusName: 'delivered',
				smsMessageId: null,
				smsStatus: null,
				smsStatusName: null,
				final: true,
				delivered: true,
				deliveredVia: 'viber',
			},
		]);
	});

	it('turns the Viber + SMS status C3 into the same fields as describeDelivery', async () => {
		const { result } = await run({ rawBody: C3 });
		const [item] = jsonItems(result);
		expect(item).toEqual({ eventType: 'deliveryStatus', ...describeDelivery(JSON.parse(C3)) });
		expect(item).toMatchObject({
			messageId: '429',
			viberStatusName: 'undelivered',
			smsMessageId: '36478',
			smsStatus: 2,
			smsStatusName: 'delivered',
			delivered: true,
			deliveredVia: 'sms',
			final: true,
		});
	});

	it('accepts ids and codes as strings, and extra fields', async () => {
		const { result } = await run({
			rawBody:
				'{"message_id":"429","status":"4","sms_message_id":"36478","sms_message_status":"5","price":0.01,"ts":"2026-11-27"}',
		});
		expect(jsonItems(result)[0]).toMatchObject({
			messageId: '429',
			viberStatus: 4,
			smsMessageId: '36478',
			smsStatus: 5,
			smsStatusName: 'undeliverable',
			delivered: false,
			final: true,
			deliveredVia: 'none',
		});
	});

	it('keeps every digit of ids above 2^53 from the raw body', async () => {
		const { result } = await run({
			rawBody: '{"message_id":9007199254740993,"status":1}',
			simplify: false,
		});
		const [item] = jsonItems(result);
		expect(item.messageId).toBe('9007199254740993');
		expect(item.raw).toEqual({ message_id: '9007199254740993', status: 1 });
	});

	it('keeps a big message_token exact', async () => {
		const { result } = await run({
			rawBody:
				'{"message_token":12345678901234567890,"phone_number":380501234567,"time":1732670000123,"message":{"text":"STOP"}}',
		});
		const [item] = jsonItems(result);
		expect(item.messageToken).toBe(BIG_REPLY_ID);
		expect(item).toMatchObject({
			phoneNumber: '380501234567',
			text: 'STOP',
			time: '2024-11-27T01:13:20.123Z',
			timeRaw: 1732670000123,
			inReplyToMessageId: null,
			trackingData: null,
		});
	});

	it('outputs one item per status of a JSON array, in order', async () => {
		const { result } = await run({
			rawBody: `[${C2},${C3},{"message_id":"430","status":0}]`,
		});
		const items = jsonItems(result);
		expect(items.map((i) => [i.messageId, i.viberStatus])).toEqual([
			['429', 1],
			['429', 4],
			['430', 0],
		]);
		expect(items.every((i) => i.eventType === 'deliveryStatus')).toBe(true);
	});

	it('leaves unknown entries of an array out and keeps the known ones', async () => {
		const { result, res } = await run({
			rawBody: `[{"hello":"world"},${C2},42]`,
			simplify: false,
		});
		const items = jsonItems(result);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ messageId: '429', raw: { message_id: 429, status: 1 } });
		expect(res.status).not.toHaveBeenCalled();
	});

	it('accepts a form-encoded status', async () => {
		const { result } = await run({
			rawBody: 'message_id=429&status=1&sms_message_id=36478&sms_message_status=2',
			simplify: false,
		});
		const [item] = jsonItems(result);
		expect(item).toMatchObject({
			messageId: '429',
			viberStatus: 1,
			smsMessageId: '36478',
			smsStatus: 2,
			deliveredVia: 'viber',
		});
		expect(item.raw).toEqual({
			message_id: '429',
			status: '1',
			sms_message_id: '36478',
			sms_message_status: '2',
		});
	});

	it.each([
		['brackets', 'message%5Btext%5D=Hello+there&message%5Btracking_data%5D=tracking_id%3A100035'],
		['unencoded brackets', 'message[text]=Hello+there&message[tracking_data]=tracking_id:100035'],
		['dots', 'message.text=Hello%20there&message.tracking_data=tracking_id%3A100035'],
	])('accepts a form-encoded reply with %s', async (_name, nested) => {
		const { result } = await run({
			rawBody: `message_token=44444444444444&phone_number=972512222222&time=2121212121&${nested}`,
		});
		expect(jsonItems(result)).toEqual([
			{
				eventType: 'inboundMessage',
				phoneNumber: '972512222222',
				text: 'Hello there',
				messageToken: '44444444444444',
				time: '2037-03-21T01:35:21.000Z',
				timeRaw: '2121212121',
				inReplyToMessageId: '100035',
				trackingData: 'tracking_id:100035',
			},
		]);
	});

	it("falls back to n8n's parsed body when there is no raw body", async () => {
		const { result } = await run({ body: { message_id: 429, status: 1 } });
		expect(jsonItems(result)[0]).toMatchObject({ eventType: 'deliveryStatus', messageId: '429' });
	});

	it("expands flat form keys of n8n's parsed body", async () => {
		const { result } = await run({
			body: {
				message_token: '44444444444444',
				phone_number: '972512222222',
				time: '2121212121',
				'message[text]': 'Yes',
				'message[tracking_data]': 'tracking_id:7',
			},
		});
		expect(jsonItems(result)[0]).toMatchObject({
			eventType: 'inboundMessage',
			text: 'Yes',
			inReplyToMessageId: '7',
		});
	});

	it('adds the body as received under raw when Simplify is off', async () => {
		const { result } = await run({ rawBody: C1, simplify: false });
		const [item] = jsonItems(result);
		expect(item.raw).toEqual({
			message_token: 44444444444444,
			phone_number: '972512222222',
			time: 2121212121,
			message: { text: 'a message to the service', tracking_data: 'tracking_id:100035' },
		});
	});

	it('has no raw when Simplify is on', async () => {
		const { result } = await run({ rawBody: C1 });
		expect(jsonItems(result)[0]).not.toHaveProperty('raw');
	});
});

describe('DecisionTelecomTrigger webhook(): event selection', () => {
	it('ignores a reply when only Delivery Status is selected', async () => {
		const { result, res } = await run({ rawBody: C1, events: ['deliveryStatus'] });
		expect(result).toEqual({});
		expect(res.status).not.toHaveBeenCalled();
	});

	it('ignores a status when only Inbound Message is selected', async () => {
		const { result, res } = await run({ rawBody: C2, events: ['inboundMessage'] });
		expect(result).toEqual({});
		expect(res.status).not.toHaveBeenCalled();
	});

	it('ignores everything when no event is selected', async () => {
		const { result } = await run({ rawBody: C2, events: [] });
		expect(result).toEqual({});
	});

	it('keeps only the selected events of a mixed array', async () => {
		const { result } = await run({ rawBody: `[${C2},${C1}]`, events: ['inboundMessage'] });
		const items = jsonItems(result);
		expect(items).toHaveLength(1);
		expect(items[0].eventType).toBe('inboundMessage');
	});
});

describe('DecisionTelecomTrigger webhook(): malformed bodies answer 400', () => {
	it.each([
		['truncated JSON', '{"message_id":'],
		['JSON with a trailing comma', '{"message_id":429,"status":1,}'],
		['plain text', 'this is not a callback'],
		['XML', '<status><message_id>429</message_id></status>'],
		['whitespace', '   '],
		['an unknown JSON object', '{"hello":"world"}'],
		['a status without status code', '{"message_id":429}'],
		['a status with a word as code', '{"message_id":429,"status":"delivered"}'],
		['a reply without phone number', '{"message_token":1,"message":{"text":"hi"}}'],
		['an empty array', '[]'],
		['an array of unknown entries', '[{"a":1},{"b":2}]'],
		['a JSON string', '"message_id"'],
		['unknown form fields', 'foo=bar&baz=1'],
	])('%s', async (_name, rawBody) => {
		const outcome = await run({ rawBody });
		expectRejected(outcome, 400);
	});

	it('an empty body without raw bytes', async () => {
		expectRejected(await run({ body: {} }), 400);
	});
});

describe('DecisionTelecomTrigger webhook(): callback secret', () => {
	it('answers 401 when the secret is missing', async () => {
		const outcome = await run({ rawBody: C2, secret: GUARD });
		expectRejected(outcome, 401);
		expect(outcome.getCredentials).toHaveBeenCalledWith('decisionTelecomApi');
	});

	it.each([
		['wrong', 'nope'],
		['wrong, same length', GUARD.replace('S', 's')],
		['a prefix', GUARD.slice(0, -1)],
		['empty', ''],
	])('answers 401 when the secret is %s', async (_name, given) => {
		expectRejected(await run({ rawBody: C2, secret: GUARD, query: { secret: given } }), 401);
	});

	it('answers 401 when the secret parameter is repeated', async () => {
		expectRejected(
			await run({ rawBody: C2, secret: GUARD, query: { secret: [GUARD, GUARD] } }),
			401,
		);
	});

	it('checks the secret before the body', async () => {
		expectRejected(await run({ rawBody: 'garbage', secret: GUARD, query: {} }), 401);
	});

	it('starts the workflow with the right secret', async () => {
		const { result, res } = await run({ rawBody: C2, secret: GUARD, query: { secret: GUARD } });
		expect(jsonItems(result)[0].messageId).toBe('429');
		expect(res.status).not.toHaveBeenCalled();
	});

	it('never outputs the secret, even when the body echoes it', async () => {
		const body = JSON.stringify([
			{
				message_id: 429,
				status: 1,
				callback_url: `https://n8n.example.com/webhook/abc/webhook?secret=${GUARD}&x=1`,
				note: GUARD,
				[GUARD]: 'as a key',
			},
			JSON.parse(C1),
		]);
		const { result } = await run({
			rawBody: body,
			secret: GUARD,
			query: { secret: GUARD, other: 'value' },
			simplify: false,
		});
		const items = jsonItems(result);
		expect(items).toHaveLength(2);
		expect(JSON.stringify(result)).not.toContain(GUARD);
		expect(items[0].raw).toMatchObject({
			callback_url: 'https://n8n.example.com/webhook/abc/webhook?secret=[redacted]&x=1',
			note: '[redacted]',
		});
		expect(JSON.stringify(result)).not.toContain('other');
	});

	it('accepts every callback when the credential has no secret', async () => {
		const { result, getCredentials } = await run({ rawBody: C2, secret: '' });
		expect(getCredentials).toHaveBeenCalled();
		expect(jsonItems(result)).toHaveLength(1);
	});

	it('accepts every callback when no credential is set, without reading one', async () => {
		const { result, getCredentials } = await run({ rawBody: C2, query: { secret: 'anything' } });
		expect(getCredentials).not.toHaveBeenCalled();
		expect(jsonItems(result)).toHaveLength(1);
	});

	it('strips a secret= query parameter echoed in raw even without a configured secret', async () => {
		const { result } = await run({
			rawBody: '{"message_id":429,"status":1,"callback_url":"https://h/webhook?secret=abc123"}',
			simplify: false,
		});
		expect(JSON.stringify(result)).not.toContain('abc123');
	});

	it('fails the call when the attached credential cannot be read', async () => {
		const { ctx } = createContext({ rawBody: C2, secret: GUARD });
		(ctx.getCredentials as unknown as jest.Mock).mockRejectedValue(new Error('cannot decrypt'));
		await expect(trigger.webhook.call(ctx)).rejects.toThrow('cannot decrypt');
	});
});

describe('DecisionTelecomTrigger webhook(): secret rotation and weak secrets', () => {
	const PREVIOUS = 'Old-s3cret-callback-value';

	it('accepts the previous secret while one is set, so messages sent before a rotation still report', async () => {
		const outcome = await run({
			rawBody: C2,
			secret: GUARD,
			previousSecret: PREVIOUS,
			query: { secret: PREVIOUS },
		});
		expect(jsonItems(outcome.result)).toHaveLength(1);
	});

	it('refuses the previous secret once it is cleared', async () => {
		expectRejected(await run({ rawBody: C2, secret: GUARD, query: { secret: PREVIOUS } }), 401);
	});

	it.each([
		[{ secret: 'abc' }, 'Callback Secret'],
		[{ secret: GUARD, previousSecret: 'short' }, 'Previous Callback Secret'],
	])(
		'refuses every callback (401) and says why in the log when a secret is shorter than 16 characters: %j',
		async (secrets, label) => {
			const { ctx, res } = createContext({
				rawBody: C2,
				query: { secret: secrets.secret },
				...secrets,
			});
			const result = await trigger.webhook.call(ctx);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(res.status).toHaveBeenCalledWith(401);
			expect(ctx.logger.warn).toHaveBeenCalledWith(
				expect.stringContaining(`${label} is shorter than 16 characters`),
			);
			expect(JSON.stringify((ctx.logger.warn as jest.Mock).mock.calls)).not.toMatch(
				/'abc'|short'|Sup3r/,
			);
		},
	);

	it('redacts the previous secret from raw too', async () => {
		const body = `{"message_id":1,"status":1,"echo":"https://h/w?x=${PREVIOUS}"}`;
		const outcome = await run({
			rawBody: body,
			simplify: false,
			secret: GUARD,
			previousSecret: PREVIOUS,
			query: { secret: GUARD },
		});
		expect(JSON.stringify(jsonItems(outcome.result))).not.toContain(PREVIOUS);
	});
});

describe('DecisionTelecomTrigger webhook(): limits', () => {
	const status = (id: number) => `{"message_id":${id},"status":1}`;

	it('answers 413 to a body above 1 MiB, before parsing it', async () => {
		const body = `[${status(1)},"${'x'.repeat(1_048_576)}"]`;
		const outcome = await run({ rawBody: body });
		expectRejected(outcome, 413);
		expect(outcome.res.send).toHaveBeenCalledWith(
			expect.stringMatching(/^Payload Too Large: The body is \d+ bytes; the limit is 1048576$/),
		);
	});

	it('accepts 1000 callbacks in one request and answers 413 to 1001', async () => {
		const many = (n: number) => `[${Array.from({ length: n }, (_, i) => status(i + 1)).join(',')}]`;
		expect(jsonItems((await run({ rawBody: many(1000) })).result)).toHaveLength(1000);
		const outcome = await run({ rawBody: many(1001) });
		expectRejected(outcome, 413);
		expect(outcome.res.send).toHaveBeenCalledWith(
			'Payload Too Large: 1001 callbacks in one request; the limit is 1000',
		);
	});

	it.each([true, false])(
		'answers 400 to a status nested 10,000 levels deep (Simplify %s), without recursion',
		async (simplify) => {
			const deep = `{"message_id":1,"status":1,"extra":${'['.repeat(10000)}${']'.repeat(10000)}}`;
			const outcome = await run({ rawBody: deep, simplify });
			expectRejected(outcome, 400);
			expect(outcome.res.send).toHaveBeenCalledWith(
				'Bad Request: The body nests deeper than 32 levels',
			);
		},
	);

	it('accepts nesting up to 32 levels', async () => {
		const nested = `{"message_id":1,"status":1,"extra":${'['.repeat(31)}${']'.repeat(31)}}`;
		expect(jsonItems((await run({ rawBody: nested, simplify: false })).result)).toHaveLength(1);
	});

	it('answers 400 to a form field name nested deeper than 32 levels', async () => {
		const outcome = await run({ rawBody: `message_id=1&status=1&${'a['.repeat(40)}=1` });
		expectRejected(outcome, 400);
	});
});
