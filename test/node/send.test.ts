/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import {
	TEST_ACCESS,
	credentialData,
	mockApi,
	runDecisionTelecom,
	sendParameters,
} from '../helpers/workflowHarness';
import { fakeSecret } from '../helpers/fakeSecret';

describe('Send: request bodies for each message kind', () => {
	test('text (106), transactional by default, no fallback', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber', {
				source_addr: 'Custom company',
				destination_addr: '380504444444',
				message_type: 106,
				source_type: 2,
				text: 'Message content',
			})
			.matchHeader('content-type', /application\/json/)
			.reply(200, { message_id: 429 });

		const { output, error } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters(),
		});

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(output).toEqual([
			{
				json: {
					messageId: '429',
					recipient: '380504444444',
					sender: 'Custom company',
					messageKind: 'text',
					messageType: 106,
					category: 'transactional',
					sourceType: 2,
					smsFallback: false,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('text with SMS fallback sends text_sms and the 40 s validity for Viber + SMS', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber', {
				source_addr: 'Custom company',
				destination_addr: '380504444444',
				message_type: 106,
				source_type: 2,
				text: 'Message content',
				text_sms: 'SMS Message',
				validity_period: 40,
			})
			.reply(200, { message_id: 429 });

		const { output } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({ smsFallback: true, smsText: 'SMS Message' }),
		});

		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json).toMatchObject({ smsFallback: true, validityPeriod: 40 });
	});

	test('an explicit validity period is sent as given, also with SMS fallback', async () => {
		const scope = mockApi()
			.post(
				'/v1/api/send-viber',
				(body) => body.validity_period === 3600 && body.text_sms === 'SMS',
			)
			.reply(200, { message_id: 1 });
		await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({
				smsFallback: true,
				smsText: 'SMS',
				additionalFields: { validityPeriod: 3600 },
			}),
		});
		expect(scope.isDone()).toBe(true);
	});

	test('text, image and button (108) is promotional and carries image and button', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber', {
				source_addr: 'Custom company',
				destination_addr: '380504444444',
				message_type: 108,
				source_type: 1,
				text: 'Message content',
				image: 'https://yourdomain.com/images/image.jpg',
				button_caption: 'Join Us',
				button_action: 'https://yourdomain.com/join-us',
				callback_url: 'https://yourdomain.com/viber-callback',
				validity_period: 3600,
			})
			.reply(200, { message_id: 430 });

		const { output } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({
				messageKind: 'textImageButton',
				imageUrl: 'https://yourdomain.com/images/image.jpg',
				buttonCaption: 'Join Us',
				buttonUrl: 'https://yourdomain.com/join-us',
				additionalFields: {
					callbackUrl: 'https://yourdomain.com/viber-callback',
					validityPeriod: 3600,
				},
			}),
		});

		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json).toMatchObject({
			messageId: '430',
			messageKind: 'textImageButton',
			messageType: 108,
			category: 'promotional',
			sourceType: 1,
		});
	});

	test('2-way text (206) defaults to promotional', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber', {
				source_addr: 'Custom company',
				destination_addr: '380504444444',
				message_type: 206,
				source_type: 1,
				text: 'Reply YES to confirm',
			})
			.reply(200, { message_id: 431 });
		const { output } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({ messageKind: 'twoWayText', text: 'Reply YES to confirm' }),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json).toMatchObject({ messageType: 206, category: 'promotional' });
	});

	test('2-way text may be transactional with SMS fallback', async () => {
		const scope = mockApi()
			.post(
				'/v1/api/send-viber',
				(body) =>
					body.message_type === 206 && body.source_type === 2 && body.text_sms === 'Call us',
			)
			.reply(200, { message_id: 432 });
		await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({
				messageKind: 'twoWayText',
				category: 'transactional',
				smsFallback: true,
				smsText: 'Call us',
			}),
		});
		expect(scope.isDone()).toBe(true);
	});

	test('2-way text, image and button (208)', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber', {
				source_addr: 'Custom company',
				destination_addr: '380504444444',
				message_type: 208,
				source_type: 1,
				text: 'Pick one',
				image: 'https://example.com/a.PNG',
				button_caption: 'Open',
				button_action: 'http://example.com/open',
			})
			.reply(200, { message_id: 433 });
		const { output } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({
				messageKind: 'twoWayTextImageButton',
				text: 'Pick one',
				imageUrl: 'https://example.com/a.PNG',
				buttonCaption: 'Open',
				buttonUrl: 'http://example.com/open',
			}),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json.messageType).toBe(208);
	});

	test('the recipient is normalised to digits and ids above 2^53 keep every digit', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber', (body) => body.destination_addr === '380504444444')
			.reply(200, '{"message_id":9007199254740993}');
		const { output } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({ recipient: '00 380 (50) 444-44-44' }),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json.messageId).toBe('9007199254740993');
	});

	test('a string message id is returned as it is', async () => {
		mockApi().post('/v1/api/send-viber').reply(200, { message_id: '429' });
		const { output } = await runDecisionTelecom({ items: [{}], parameters: sendParameters() });
		expect(output?.[0].json.messageId).toBe('429');
	});

	test('parameters are read per item, from expressions', async () => {
		const scope = mockApi()
			.post(
				'/v1/api/send-viber',
				(body) => body.destination_addr === '380501111111' && body.text === 'Hi Ann',
			)
			.reply(200, { message_id: 1 })
			.post(
				'/v1/api/send-viber',
				(body) => body.destination_addr === '380502222222' && body.text === 'Hi Bob',
			)
			.reply(200, { message_id: 2 });
		const { output } = await runDecisionTelecom({
			items: [
				{ phone: '+380501111111', name: 'Ann' },
				{ phone: '+380502222222', name: 'Bob' },
			],
			parameters: sendParameters({
				recipient: '={{ $json.phone }}',
				text: '=Hi {{ $json.name }}',
				options: { maxConcurrentRequests: 1 },
			}),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.map((item) => item.json.messageId)).toEqual(['1', '2']);
	});
});

describe('Send: callback URL, secret and default', () => {
	test("the credential's Default Callback URL is used and its secret appended", async () => {
		const scope = mockApi()
			.post(
				'/v1/api/send-viber',
				(body) =>
					body.callback_url ===
					`https://n8n.example.com/webhook/abc/webhook?secret=${encodeURIComponent(fakeSecret('s3cr+t'))}`,
			)
			.reply(200, { message_id: 5 });
		const { output, run } = await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters(),
			credentials: credentialData({
				defaultCallbackUrl: 'https://n8n.example.com/webhook/abc/webhook',
				callbackSecret: fakeSecret('s3cr+t'),
			}),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json.messageId).toBe('5');
		expect(JSON.stringify(run.data)).not.toContain('s3cr');
	});

	test("the item's own Callback URL wins over the default and keeps its query", async () => {
		const scope = mockApi()
			.post(
				'/v1/api/send-viber',
				(body) =>
					body.callback_url === `https://hooks.example.com/dt?tenant=7&secret=${fakeSecret('abc')}`,
			)
			.reply(200, { message_id: 6 });
		await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters({
				additionalFields: { callbackUrl: 'https://hooks.example.com/dt?tenant=7' },
			}),
			credentials: credentialData({
				defaultCallbackUrl: 'https://other.example.com/x',
				callbackSecret: fakeSecret('abc'),
			}),
		});
		expect(scope.isDone()).toBe(true);
	});

	test('without a callback URL anywhere no callback_url is sent', async () => {
		const scope = mockApi()
			.post('/v1/api/send-viber', (body) => !('callback_url' in body))
			.reply(200, { message_id: 7 });
		await runDecisionTelecom({
			items: [{}],
			parameters: sendParameters(),
			credentials: credentialData({ callbackSecret: fakeSecret('abc') }),
		});
		expect(scope.isDone()).toBe(true);
	});
});

describe('Send: many items', () => {
	test('results keep input order when answers arrive out of order, with at most N in flight', async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		const delays = [120, 10, 80, 30, 60, 5];
		const scope = mockApi()
			.post('/v1/api/send-viber')
			.times(delays.length)
			.reply(async function (_uri, body) {
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				const index = Number((body as { text: string }).text);
				await new Promise((resolve) => setTimeout(resolve, delays[index]));
				inFlight--;
				return [200, { message_id: 1000 + index }];
			});
		const { output } = await runDecisionTelecom({
			items: delays.map((_, index) => ({ index })),
			parameters: sendParameters({
				text: '={{ $json.index }}',
				options: { maxConcurrentRequests: 3 },
			}),
		});
		expect(scope.isDone()).toBe(true);
		expect(maxInFlight).toBe(3);
		expect(output?.map((item) => [item.json.messageId, item.pairedItem])).toEqual(
			delays.map((_, index) => [String(1000 + index), { item: index }]),
		);
	});

	test('Max Concurrent Requests 1 sends strictly one after another', async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		mockApi()
			.post('/v1/api/send-viber')
			.times(4)
			.reply(async () => {
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				await new Promise((resolve) => setTimeout(resolve, 10));
				inFlight--;
				return [200, { message_id: 1 }];
			});
		await runDecisionTelecom({
			items: [{}, {}, {}, {}],
			parameters: sendParameters({ options: { maxConcurrentRequests: 1 } }),
		});
		expect(maxInFlight).toBe(1);
	});

	test('the access key appears nowhere in the run data', async () => {
		mockApi().post('/v1/api/send-viber').reply(200, { message_id: 1 });
		const { run } = await runDecisionTelecom({ items: [{}], parameters: sendParameters() });
		const dump = JSON.stringify(run);
		expect(dump).not.toContain(TEST_ACCESS);
		expect(dump).not.toContain(Buffer.from(TEST_ACCESS).toString('base64'));
	});
});
