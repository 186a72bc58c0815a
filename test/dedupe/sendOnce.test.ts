import { useRealDeduplicationStore } from './realStore';
import {
	countApiRequests,
	mockApi,
	runDecisionTelecom,
	sendParameters,
} from '../helpers/workflowHarness';

const requests = countApiRequests();
let dataSource: Awaited<ReturnType<typeof useRealDeduplicationStore>>;
// Loading n8n's database layer takes a few seconds, more on a busy machine.
beforeAll(async () => {
	dataSource = await useRealDeduplicationStore();
}, 180_000);
jest.setTimeout(60_000);
afterAll(async () => {
	await dataSource.destroy();
});

/** Send with a key per item from $json.key; an id of its own per test keeps the tests apart. */
function keyed(testId: string, extra: Record<string, unknown> = {}) {
	return sendParameters({
		recipient: '={{ $json.to }}',
		options: {
			sendOnce: {
				values: { key: `=${testId}-{{ $json.key }}`, scope: 'node', rememberLast: 10000, ...extra },
			},
		},
	});
}

const item = (key: string, to = '380501111111') => ({ key, to });

describe("Send Once Per Key with n8n's own deduplication store", () => {
	test('the same key twice in one run: sent once, the second item skipped', async () => {
		mockApi().post('/v1/api/send-viber').times(2).reply(200, { message_id: 11 });
		const { output } = await runDecisionTelecom({
			items: [item('a'), item('a', '380502222222')],
			parameters: keyed('t1'),
		});
		expect(requests()).toBe(1);
		expect(output?.map((o) => o.json)).toEqual([
			expect.objectContaining({ messageId: '11', sendOnceKey: 't1-a' }),
			{
				skipped: true,
				sendOnceKey: 't1-a',
				reason: 'Item 0 of this run has the same key; it was sent once for both.',
			},
		]);
	});

	test('three items with one key: the later two name the first as the one sent', async () => {
		mockApi().post('/v1/api/send-viber').times(3).reply(200, { message_id: 17 });
		const { output } = await runDecisionTelecom({
			items: [item('a'), item('a'), item('a')],
			parameters: keyed('t10'),
		});
		expect(output?.map((o) => o.json.reason)).toEqual([
			undefined,
			'Item 0 of this run has the same key; it was sent once for both.',
			'Item 0 of this run has the same key; it was sent once for both.',
		]);
		expect(requests()).toBe(1);
	});

	test('the same input run twice: sent once, skipped the second time', async () => {
		mockApi().post('/v1/api/send-viber').times(4).reply(200, { message_id: 12 });
		await runDecisionTelecom({ items: [item('a'), item('b')], parameters: keyed('t2') });
		const second = await runDecisionTelecom({
			items: [item('a'), item('b')],
			parameters: keyed('t2'),
		});
		expect(requests()).toBe(2);
		expect(second.output?.map((o) => o.json.skipped)).toEqual([true, true]);
		expect(second.output?.[0].json.reason).toBe(
			'A message with this key was already sent, by an earlier run or an earlier item.',
		);
	});

	test('after a definite refusal the key is released: the next run sends it', async () => {
		mockApi()
			.post('/v1/api/send-viber')
			.reply(400, { name: 'Invalid Parameter: source_addr', code: 1, status: 400 });
		const first = await runDecisionTelecom({ items: [item('a')], parameters: keyed('t3') });
		expect(first.error?.description).toContain("The send-once key 't3-a' was released");
		mockApi().post('/v1/api/send-viber').reply(200, { message_id: 13 });
		const second = await runDecisionTelecom({ items: [item('a')], parameters: keyed('t3') });
		expect(second.output?.[0].json).toMatchObject({ messageId: '13', sendOnceKey: 't3-a' });
		expect(requests()).toBe(2);
	});

	test('after an unknown outcome the key stays: the next run does not send it again', async () => {
		mockApi().post('/v1/api/send-viber').times(2).reply(502, 'Bad Gateway');
		const first = await runDecisionTelecom({ items: [item('a')], parameters: keyed('t4') });
		expect(first.error?.message).toBe(
			'Outcome unknown: DecisionTelecom answered HTTP 502 [item 0]',
		);
		expect(first.error?.description).toContain("The send-once key 't4-a' stays recorded");
		const second = await runDecisionTelecom({ items: [item('a')], parameters: keyed('t4') });
		expect(second.output?.[0].json).toMatchObject({ skipped: true, sendOnceKey: 't4-a' });
		expect(requests()).toBe(1);
	});

	test('Retry On Fail with keys: after an injected failure n8n reruns the node, and each message is sent exactly once', async () => {
		const accepted: string[] = [];
		mockApi()
			.post('/v1/api/send-viber', (body) => body.destination_addr === '380500000003')
			.reply(400, { name: 'Invalid Parameter: text', code: 1, status: 400 });
		mockApi()
			.post('/v1/api/send-viber', (body) => (accepted.push(body.destination_addr), true))
			.times(10)
			.reply(200, { message_id: 14 });
		const items = [1, 2, 3, 4, 5].map((n) => item(`m${n}`, `38050000000${n}`));
		const { output, error } = await runDecisionTelecom({
			items,
			parameters: keyed('t5'),
			node: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});
		expect(error).toBeUndefined();
		expect(accepted.sort()).toEqual([
			'380500000001',
			'380500000002',
			'380500000003',
			'380500000004',
			'380500000005',
		]);
		expect(requests()).toBe(6);
		// The last try's output: the message refused on the first try is sent now; the others were
		// sent by the first try and are skipped.
		expect(output?.map((o) => (o.json.skipped ? 'skipped' : o.json.messageId))).toEqual([
			'skipped',
			'skipped',
			'14',
			'skipped',
			'skipped',
		]);
	});

	test('keys in workflow scope are shared by the nodes of the workflow', async () => {
		mockApi().post('/v1/api/send-viber').times(2).reply(200, { message_id: 15 });
		const parameters = keyed('t6', { scope: 'workflow' });
		await runDecisionTelecom({
			items: [item('a')],
			parameters,
			workflowId: 'wf-scope',
			node: { id: 'n-1', name: 'First' },
		});
		const other = await runDecisionTelecom({
			items: [item('a')],
			parameters,
			workflowId: 'wf-scope',
			node: { id: 'n-2', name: 'Second' },
		});
		expect(other.output?.[0].json.skipped).toBe(true);
		expect(requests()).toBe(1);
	});

	test('a store that does not answer: nothing is sent and the item fails as not sent', async () => {
		await dataSource.destroy();
		try {
			const { error } = await runDecisionTelecom({ items: [item('a')], parameters: keyed('t8') });
			expect(error?.message).toMatch(/^Could not record the send-once key: /);
			expect(error?.context?.outcome).toBe('notSent');
			expect(error?.description).toBe(
				"Nothing was sent for this item: n8n's deduplication store did not answer. Run the workflow again later.",
			);
			expect(requests()).toBe(0);
		} finally {
			await dataSource.initialize();
		}
	});

	test('a key the store cannot release after a refusal: the note says a new run skips it', async () => {
		mockApi()
			.post('/v1/api/send-viber')
			.reply(async () => {
				await dataSource.destroy();
				return [400, { name: 'Invalid Parameter: source_addr', code: 1, status: 400 }];
			});
		try {
			const { error } = await runDecisionTelecom({ items: [item('a')], parameters: keyed('t9') });
			expect(error?.description).toContain(
				"The send-once key 't9-a' could not be released, so running the workflow again skips this message.",
			);
			expect(requests()).toBe(1);
		} finally {
			await dataSource.initialize();
		}
	});

	test('Remember Last forgets the oldest keys', async () => {
		mockApi().post('/v1/api/send-viber').times(4).reply(200, { message_id: 16 });
		const parameters = keyed('t7', { rememberLast: 2 });
		await runDecisionTelecom({
			items: [item('a'), item('b'), item('c')],
			parameters,
			workflowId: 'wf-remember',
		});
		const again = await runDecisionTelecom({
			items: [item('a')],
			parameters,
			workflowId: 'wf-remember',
		});
		expect(again.output?.[0].json.skipped).toBeUndefined();
		expect(requests()).toBe(4);
	});
});
