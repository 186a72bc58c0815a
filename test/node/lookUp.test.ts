import {
	TEST_ACCESS,
	countApiRequests,
	mockApi,
	runDecisionTelecom,
} from '../helpers/workflowHarness';

const requests = countApiRequests();

const lookUp = (overrides: Record<string, unknown> = {}) => ({
	resource: 'phoneNumber',
	operation: 'lookUp',
	phoneNumber: '={{ $json.phone }}',
	...overrides,
});

const created = (phones: number[], firstId = 100) =>
	phones.map((phone, index) => ({
		id: firstId + index,
		phone,
		href: `https://web.it-decision.com/v1/api/hlr-status?id=${firstId + index}`,
		status: 'Accepted',
	}));

const found = (id: number | string, phone: number, extra: Record<string, unknown> = {}) => ({
	id,
	phone,
	mcc: '255',
	mnc: '06',
	network: 'Lifecell',
	ported: false,
	status: 0,
	error: 0,
	type: 'mobile',
	present: 'yes',
	status_message: 'Success',
	...extra,
});

const bulkQuery = (ids: number[]) => ({ id: JSON.stringify(ids.map(String)) });

describe('Phone Number: Look Up', () => {
	test('several items: one hlr request, one bulk read, one output per item, paired', async () => {
		const scope = mockApi()
			.post('/v1/api/hlr', { phones: [380636151111, 380631111112, 380501234567] })
			.reply(200, created([380636151111, 380631111112, 380501234567]))
			.get('/v1/api/hlr-status')
			.query(bulkQuery([100, 101, 102]))
			.reply(200, [
				found('100', 380636151111),
				found('101', 380631111112, {
					type: 'fixed',
					present: 'na',
					network: 'Ukrtelecom',
					mcc: '255',
					mnc: '99',
				}),
				{ id: '102', phone: 380501234567, status: 1, status_message: 'Invalid Number', error: 0 },
			]);
		const { output, error } = await runDecisionTelecom({
			items: [
				{ phone: '+380 63 615 11 11' },
				{ phone: '380631111112' },
				{ phone: '00380501234567' },
			],
			parameters: lookUp(),
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(output).toEqual([
			{
				json: {
					phoneNumber: '380636151111',
					ready: true,
					reachableMobile: true,
					mobile: true,
					reachable: true,
					ported: false,
					network: 'Lifecell',
					mcc: '255',
					mnc: '06',
					statusName: 'success',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					phoneNumber: '380631111112',
					ready: true,
					reachableMobile: false,
					mobile: false,
					reachable: null,
					ported: false,
					network: 'Ukrtelecom',
					mcc: '255',
					mnc: '99',
					statusName: 'success',
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					phoneNumber: '380501234567',
					ready: true,
					reachableMobile: false,
					mobile: null,
					reachable: null,
					ported: null,
					network: null,
					mcc: null,
					mnc: null,
					statusName: 'invalid number',
				},
				pairedItem: { item: 2 },
			},
		]);
	});

	test('one number is read with the single form id=N; Simplify off gives every field and the raw entry', async () => {
		const scope = mockApi()
			.post('/v1/api/hlr', { phones: [380636151111] })
			.reply(200, created([380636151111], 2345234))
			.get('/v1/api/hlr-status')
			.query({ id: '2345234' })
			.reply(200, found(2345234, 380636151111, { ported: true }));
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380636151111' }],
			parameters: lookUp({ simplify: false }),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json).toEqual({
			phoneNumber: '380636151111',
			ready: true,
			reachableMobile: true,
			mobile: true,
			reachable: true,
			ported: true,
			network: 'Lifecell',
			mcc: '255',
			mnc: '06',
			statusName: 'success',
			numberType: 'mobile',
			present: 'yes',
			status: 0,
			statusMessage: 'Success',
			errorCode: 0,
			lookupId: '2345234',
			lookupStatus: null,
			raw: found(2345234, 380636151111, { ported: true }),
		});
	});

	test('a number that comes twice is looked up once; both items get its result', async () => {
		const scope = mockApi()
			.post('/v1/api/hlr', { phones: [380636151111, 380631111112] })
			.reply(200, created([380636151111, 380631111112]))
			.get('/v1/api/hlr-status')
			.query(bulkQuery([100, 101]))
			.reply(200, [found('100', 380636151111), found('101', 380631111112)]);
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380636151111' }, { phone: '380631111112' }, { phone: '+380636151111' }],
			parameters: lookUp(),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.map((item) => [item.json.phoneNumber, item.pairedItem])).toEqual([
			['380636151111', { item: 0 }],
			['380631111112', { item: 1 }],
			['380636151111', { item: 2 }],
		]);
	});

	test('120 numbers go in 3 requests of at most 50, with results in input order', async () => {
		const phones = Array.from({ length: 120 }, (_, index) => 380500000000 + index);
		const posted: number[][] = [];
		let nextId = 1;
		const idsOf = new Map<number, number>();
		mockApi()
			.post('/v1/api/hlr', (body) => posted.push(body.phones) > 0)
			.times(3)
			.reply(200, (_uri, body) => {
				const batch = (body as { phones: number[] }).phones;
				return batch.map((phone) => {
					idsOf.set(nextId, phone);
					return { id: nextId++, phone, status: 'Accepted' };
				});
			})
			.get('/v1/api/hlr-status')
			.query(true)
			.times(3)
			.reply(200, (uri) => {
				const ids = JSON.parse(
					new URL(uri, 'http://x').searchParams.get('id') as string,
				) as string[];
				return ids.map((id) =>
					found(id, idsOf.get(Number(id)) as number, { network: `net ${id}` }),
				);
			});
		const { output } = await runDecisionTelecom({
			items: phones.map((phone) => ({ phone: String(phone) })),
			parameters: lookUp({ options: { maxConcurrentRequests: 1 } }),
		});
		expect(posted.map((batch) => batch.length)).toEqual([50, 50, 20]);
		expect(posted.flat()).toEqual(phones);
		expect(requests()).toBe(6);
		expect(output?.map((item) => item.json.phoneNumber)).toEqual(phones.map(String));
		expect(
			output?.every(
				(item, index) => item.pairedItem && (item.pairedItem as { item: number }).item === index,
			),
		).toBe(true);
	});

	test('a result that is not there by Max Wait: ready false, not a reachable mobile, and why', async () => {
		mockApi()
			.post('/v1/api/hlr')
			.reply(200, created([380636151111]))
			.get('/v1/api/hlr-status')
			.query({ id: '100' })
			.reply(200, { id: 100, phone: 380636151111, status: 'sent' });
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380636151111' }],
			parameters: lookUp({ maxWait: 0, simplify: false }),
		});
		expect(requests()).toBe(2);
		expect(output?.[0].json).toMatchObject({
			phoneNumber: '380636151111',
			ready: false,
			reachableMobile: false,
			lookupId: '100',
			lookupStatus: 'sent',
			raw: null,
			detail:
				'DecisionTelecom had no result for this number within 0 s (Max Wait). The lookup was made and may be charged; running Look Up again makes a new lookup.',
		});
	});

	test('a result that comes on the second read', async () => {
		const scope = mockApi()
			.post('/v1/api/hlr')
			.reply(200, created([380636151111]))
			.get('/v1/api/hlr-status')
			.query({ id: '100' })
			.reply(200, { id: 100, phone: 380636151111, status: 'sent' })
			.get('/v1/api/hlr-status')
			.query({ id: '100' })
			.reply(200, found(100, 380636151111));
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380636151111' }],
			parameters: lookUp({ maxWait: 5 }),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.[0].json).toMatchObject({ ready: true, reachableMobile: true });
	});

	test('if the bulk read is refused, the results are read one id at a time', async () => {
		const scope = mockApi()
			.post('/v1/api/hlr')
			.reply(200, created([380636151111, 380631111112]))
			.get('/v1/api/hlr-status')
			.query(bulkQuery([100, 101]))
			.reply(400, {
				name: 'Invalid Parameter: id',
				message: 'Empty parameter or parameter validation error',
				code: 1,
				status: 400,
			})
			.get('/v1/api/hlr-status')
			.query({ id: '100' })
			.reply(200, found(100, 380636151111))
			.get('/v1/api/hlr-status')
			.query({ id: '101' })
			.reply(200, found(101, 380631111112));
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380636151111' }, { phone: '380631111112' }],
			parameters: lookUp(),
		});
		expect(scope.isDone()).toBe(true);
		expect(output?.map((item) => item.json.ready)).toEqual([true, true]);
	});

	test('a read that keeps failing ends as not ready, with the failure in the detail', async () => {
		mockApi()
			.post('/v1/api/hlr')
			.reply(200, created([380636151111]))
			.get('/v1/api/hlr-status')
			.query(true)
			.times(3)
			.reply(500, 'oops');
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380636151111' }],
			parameters: lookUp({ maxWait: 0 }),
		});
		expect(output?.[0].json).toMatchObject({ ready: false });
		expect(output?.[0].json.detail).toContain(
			'The last attempt to read it failed: Could not read the lookup results: DecisionTelecom answered HTTP 500.',
		);
	});

	test('an answer without one of the numbers: that item is outcome unknown, the other is looked up', async () => {
		mockApi()
			.post('/v1/api/hlr')
			.reply(200, [{ id: 100, phone: 380636151111, status: 'Accepted' }])
			.get('/v1/api/hlr-status')
			.query({ id: '100' })
			.reply(200, found(100, 380636151111));
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380636151111' }, { phone: '380631111112' }],
			parameters: lookUp(),
			continueOnFail: true,
		});
		expect(output?.[0].json.ready).toBe(true);
		expect(output?.[1]).toEqual({
			json: {
				error: "Outcome unknown: DecisionTelecom's answer did not include this number [item 1]",
				description:
					'The lookup may have been made (and charged), so it was not repeated. Check your DecisionTelecom account before looking the number up again.',
			},
			pairedItem: { item: 1 },
		});
	});

	test('entries without phones are matched by position when the count matches', async () => {
		mockApi()
			.post('/v1/api/hlr')
			.reply(200, [
				{ id: 7, status: 'Accepted' },
				{ id: 8, status: 'Accepted' },
			])
			.get('/v1/api/hlr-status')
			.query(bulkQuery([7, 8]))
			.reply(200, [found('7', 380636151111), found('8', 380631111112, { present: 'no' })]);
		const { output } = await runDecisionTelecom({
			items: [{ phone: '380636151111' }, { phone: '380631111112' }],
			parameters: lookUp(),
		});
		expect(output?.map((item) => [item.json.phoneNumber, item.json.reachableMobile])).toEqual([
			['380636151111', true],
			['380631111112', false],
		]);
	});

	describe('errors', () => {
		test.each([
			[{ phone: 'n/a' }, {}, "Phone Number: 'n/a' is not a phone number [item 1]"],
			[{ phone: '0636151111' }, {}, "Phone Number: '0636151111' has no country code [item 1]"],
			[
				{ phone: '380636151111' },
				{ maxWait: 301 },
				'Max Wait (Seconds): 301 is not a number of seconds from 0 to 300 [item 0]',
			],
		])('%j %j is refused before the first lookup', async (second, parameters, message) => {
			mockApi()
				.post('/v1/api/hlr')
				.reply(200, created([380636151111]));
			const { error } = await runDecisionTelecom({
				items: [{ phone: '380636151111' }, second],
				parameters: lookUp(parameters),
			});
			expect(error?.message).toBe(message);
			expect(requests()).toBe(0);
		});

		test('a refused lookup fails every item of its batch; nothing was looked up', async () => {
			mockApi().post('/v1/api/hlr').reply(402, {
				name: 'Topup balance is required',
				message: 'User balance is empty',
				code: 3,
				status: 402,
			});
			const { output } = await runDecisionTelecom({
				items: [{ phone: '380636151111' }, { phone: 'bad' }, { phone: '380631111112' }],
				parameters: lookUp(),
				continueOnFail: true,
			});
			expect(output?.map((item) => [item.json.error, item.pairedItem])).toEqual([
				['Your DecisionTelecom balance is empty; no lookup was made [item 0]', { item: 0 }],
				["Phone Number: 'bad' is not a phone number [item 1]", { item: 1 }],
				['Your DecisionTelecom balance is empty; no lookup was made [item 2]', { item: 2 }],
			]);
			expect(requests()).toBe(1);
		});

		test('without Continue On Fail the run stops with the first item', async () => {
			mockApi().post('/v1/api/hlr').reply(401, {
				name: 'Unauthorized',
				message: 'Your request was made with invalid credentials.',
				code: 0,
				status: 401,
			});
			const { error } = await runDecisionTelecom({
				items: [{ phone: '380636151111' }, { phone: '380631111112' }],
				parameters: lookUp(),
			});
			expect(error?.message).toBe('The access key was rejected by DecisionTelecom [item 0]');
			expect(JSON.stringify(error)).not.toContain(TEST_ACCESS);
		});

		test('a 5xx on the lookup is not repeated: it may have been made and charged', async () => {
			mockApi().post('/v1/api/hlr').times(2).reply(500, 'Some general error');
			const { error } = await runDecisionTelecom({
				items: [{ phone: '380636151111' }],
				parameters: lookUp(),
			});
			expect(error?.message).toBe('Outcome unknown: DecisionTelecom answered HTTP 500 [item 0]');
			expect(error?.description).toContain(
				'The lookup may have been made (and charged), so it was not repeated.',
			);
			expect(requests()).toBe(1);
		});

		test('a 429 on the lookup is retried: nothing was looked up', async () => {
			const scope = mockApi()
				.post('/v1/api/hlr')
				.reply(
					429,
					{ name: 'Too Many Requests', message: 'Rate limit exceeded', code: 0, status: 429 },
					{ 'Retry-After': '0' },
				)
				.post('/v1/api/hlr')
				.reply(200, created([380636151111]))
				.get('/v1/api/hlr-status')
				.query(true)
				.reply(200, found(100, 380636151111));
			const { output } = await runDecisionTelecom({
				items: [{ phone: '380636151111' }],
				parameters: lookUp(),
			});
			expect(scope.isDone()).toBe(true);
			expect(output?.[0].json.ready).toBe(true);
		});
	});
});
