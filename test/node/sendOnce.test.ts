import {
	countApiRequests,
	mockApi,
	runDecisionTelecom,
	sendParameters,
} from '../helpers/workflowHarness';

// What Send Once Per Key refuses before anything is sent. Its work with n8n's deduplication store
// is tested against n8n's own store in test/dedupe (npm run test:dedupe).
const requests = countApiRequests();

const keyed = (values: Record<string, unknown>) =>
	sendParameters({ options: { sendOnce: { values } } });

describe('Send Once Per Key and Retry On Fail, checked before anything is sent', () => {
	test.each([
		['Send', sendParameters()],
		['Send and Wait for Delivery', sendParameters({ operation: 'sendAndWaitForDelivery' })],
	])(
		'%s refuses to run with Retry On Fail and no keys, and says what to use instead',
		async (_name, parameters) => {
			mockApi().post('/v1/api/send-viber').times(3).reply(200, { message_id: 1 });
			const { error } = await runDecisionTelecom({
				items: [{}],
				parameters,
				node: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
			});
			expect(error?.message).toBe('Retry On Fail would send messages twice');
			expect(error?.description).toContain('set Options > Send Once Per Key');
			expect(requests()).toBe(0);
		},
	);

	test.each([
		[
			{ key: '={{ $json.k }}' },
			[{ k: 'a' }, { k: '' }],
			'Options > Send Once Per Key > Key: is empty [item 1]',
		],
		[
			{ key: `={{ 'x'.repeat(600) }}` },
			[{}],
			'Options > Send Once Per Key > Key: is 600 characters long; the limit is 512 [item 0]',
		],
		[{ scope: 'node' }, [{}], 'Options > Send Once Per Key > Key: is empty [item 0]'],
		[
			{ key: 'a', scope: 'everything' },
			[{}],
			"Options > Send Once Per Key > Scope: 'everything' is not a scope [item 0]",
		],
		[
			{ key: 'a', rememberLast: 0 },
			[{}],
			"Options > Send Once Per Key > Remember Last: '0' is not a whole number from 1 to 1000000 [item 0]",
		],
	])('refuses %j before anything is sent', async (values, items, message) => {
		mockApi().post('/v1/api/send-viber').times(2).reply(200, { message_id: 1 });
		const { error } = await runDecisionTelecom({ items, parameters: keyed(values) });
		expect(error?.message).toBe(message);
		expect(requests()).toBe(0);
	});
});
