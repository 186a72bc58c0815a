import fc from 'fast-check';
import type { IWebhookResponseData } from 'n8n-workflow';

import { DecisionTelecomTrigger } from '../../nodes/DecisionTelecom/DecisionTelecomTrigger.node';
import { generatedRuns } from '../helpers/generatedRuns';
import { createContext } from './context';
import { fakeSecret } from '../helpers/fakeSecret';

const trigger = new DecisionTelecomTrigger();
const SECRET = fakeSecret('fuzz');

const VALID_BODIES = [
	'{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"hi","tracking_data":"tracking_id:100035"}}',
	'{"message_id":429,"status":1}',
	'[{"message_id":9007199254740993,"status":4,"sms_message_id":36478,"sms_message_status":2},{"message_id":"430","status":"1"}]',
	'message_token=1&phone_number=380501234567&message%5Btext%5D=hi&time=2121212121',
	'message_id=429&status=1',
];

/** A valid callback with random bytes flipped, cut, repeated or spliced in. */
const mutatedBody = fc
	.tuple(
		fc.constantFrom(...VALID_BODIES),
		fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.string({ maxLength: 8 })), { maxLength: 6 }),
	)
	.map(([body, edits]) =>
		edits.reduce((text, [at, kind, insert]) => {
			const i = at % (text.length + 1);
			if (kind === 0) return text.slice(0, i);
			if (kind === 1) return text.slice(0, i) + insert + text.slice(i);
			if (kind === 2) return text.slice(0, i) + text.slice(i + 1);
			if (kind === 3) return text.slice(0, i) + text.slice(i, i + 20).repeat(3) + text.slice(i);
			return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 1) + text.slice(i + 1);
		}, body),
	);

const deepBody = fc
	.tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[', '{"a":'))
	.map(
		([depth, open]) =>
			`{"message_id":1,"status":1,"x":${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}}`,
	);

const body = fc.oneof(
	{ weight: 3, arbitrary: mutatedBody },
	{ weight: 2, arbitrary: fc.json({ maxDepth: 5 }) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
	{ weight: 1, arbitrary: deepBody },
	{
		weight: 1,
		arbitrary: fc
			.integer({ min: 990, max: 1010 })
			.map((n) => `[${Array(n).fill(VALID_BODIES[1]).join(',')}]`),
	},
);

const query = fc.oneof(
	fc.constant({ secret: SECRET }),
	fc.constant({}),
	fc.record({ secret: fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 })) }),
);

/** The HTTP status n8n sends for the trigger's answer. */
function answerStatus(result: IWebhookResponseData, status: jest.Mock): number {
	if (result.noWebhookResponse) return status.mock.calls[0][0] as number;
	return 200;
}

describe('DecisionTelecomTrigger webhook() under fuzzing', () => {
	it('answers 10,000 random and mutated bodies with 200, 400, 401 or 413 only, never an exception', async () => {
		const seen = new Map<number, number>();
		await fc.assert(
			fc.asyncProperty(
				body,
				query,
				fc.boolean(),
				fc.boolean(),
				fc.boolean(),
				async (text, queryData, withSecret, simplify, raw) => {
					const { ctx, res } = createContext({
						rawBody: raw ? text : undefined,
						body: raw ? {} : text,
						query: queryData,
						simplify,
						secret: withSecret ? SECRET : undefined,
					});
					const result = await trigger.webhook.call(ctx);
					const status = answerStatus(result, res.status);
					seen.set(status, (seen.get(status) ?? 0) + 1);
					expect([200, 400, 401, 413]).toContain(status);
					if (status === 200 && result.workflowData)
						expect(result.workflowData[0].length).toBeGreaterThan(0);
				},
			),
			{ numRuns: generatedRuns(10000) },
		);
		// The bodies reach every kind of answer, so the run is not trivially all 401s or 400s.
		expect([...seen.keys()].sort()).toEqual([200, 400, 401, 413]);
	});
});
