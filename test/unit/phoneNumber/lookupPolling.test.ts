import {
	pollLookups,
	type Lookup,
} from '../../../nodes/DecisionTelecom/actions/phoneNumber/lookupPolling';
import type { CallResult } from '../../../nodes/DecisionTelecom/transport';
import { FakeClock } from '../../helpers/fakeClock';

const result = (id: string, extra: Record<string, unknown> = {}) => ({
	id,
	phone: 380631111111,
	status: 0,
	type: 'mobile',
	present: 'yes',
	...extra,
});
const pending = (id: string) => ({ id, phone: 380631111111, status: 'sent' });
const lookups = (...ids: string[]): Lookup[] =>
	ids.map((id, index) => ({ id, phone: `38063000000${index}`, lastStatus: 'Accepted' }));
const ok = (body: unknown): CallResult => ({ ok: true, body });
const refused = (refusal: 'invalidParameter' | 'keyRejected'): CallResult => ({
	ok: false,
	failure: { message: `refused: ${refusal}`, description: '', outcome: 'notSent', refusal },
});

/** A reader that answers from a script, one answer per read, and records what was asked. */
function scripted(answers: Array<(ids: string[]) => CallResult>) {
	const asked: string[][] = [];
	const read = async (ids: string[]) => {
		asked.push(ids);
		const answer = answers.shift();
		if (!answer) throw new Error(`unexpected read of ${ids.join(',')}`);
		return answer(ids);
	};
	return { read, asked };
}

describe('pollLookups', () => {
	test('reads at once and stops when every result is in, without sleeping', async () => {
		const clock = new FakeClock();
		const { read, asked } = scripted([(ids) => ok(ids.map((id) => result(id)))]);
		const outcome = await clock.run(
			async () => await pollLookups(lookups('1', '2'), read, clock, 30000),
		);
		expect(asked).toEqual([['1', '2']]);
		expect([...outcome.results.keys()]).toEqual(['1', '2']);
		expect(clock.sleeps).toEqual([]);
	});

	test('waits 1, 2, 4, 8, then 10 s between reads, and reads once more at the deadline', async () => {
		const clock = new FakeClock();
		const { read, asked } = scripted(Array.from({ length: 8 }, () => () => ok(pending('1'))));
		const list = lookups('1');
		const outcome = await clock.run(async () => await pollLookups(list, read, clock, 30000));
		expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 10000, 5000]);
		expect(asked).toHaveLength(7);
		expect(clock.now()).toBe(30000);
		expect(outcome.results.size).toBe(0);
		expect(list[0].lastStatus).toBe('sent');
	});

	test('with a wait of 0 it reads exactly once', async () => {
		const clock = new FakeClock();
		const { read, asked } = scripted([() => ok([pending('1'), pending('2')])]);
		const outcome = await clock.run(
			async () => await pollLookups(lookups('1', '2'), read, clock, 0),
		);
		expect(asked).toHaveLength(1);
		expect(outcome.results.size).toBe(0);
	});

	test('reads only the lookups still without a result', async () => {
		const clock = new FakeClock();
		const { read, asked } = scripted([
			() => ok([result('1'), pending('2'), pending('3')]),
			() => ok([result('2'), result('3')]),
		]);
		await clock.run(async () => await pollLookups(lookups('1', '2', '3'), read, clock, 30000));
		expect(asked).toEqual([
			['1', '2', '3'],
			['2', '3'],
		]);
	});

	test('an invalid number answered with only its status is a result', async () => {
		const clock = new FakeClock();
		const { read } = scripted([
			() => ok({ id: 1, phone: 380630000000, status: 1, status_message: 'Invalid Number' }),
		]);
		const outcome = await clock.run(async () => await pollLookups(lookups('1'), read, clock, 0));
		expect(outcome.results.get('1')).toMatchObject({ status: 1 });
	});

	test('entries are matched by id, else by phone, else to the one lookup asked for', async () => {
		const clock = new FakeClock();
		const { read } = scripted([
			() => ok([{ ...result('x'), id: undefined, phone: 380630000001 }, result('1')]),
			() => ok({ ...result('?'), id: undefined, phone: undefined }),
		]);
		const list = lookups('1', '2', '3');
		const outcome = await clock.run(
			async () => await pollLookups(list.slice(0, 2), read, clock, 0),
		);
		expect([...outcome.results.keys()].sort()).toEqual(['1', '2']);
		const single = await clock.run(async () => await pollLookups(list.slice(2), read, clock, 0));
		expect([...single.results.keys()]).toEqual(['3']);
	});

	test('when the bulk form is refused, it reads one id per request from then on', async () => {
		const clock = new FakeClock();
		const { read, asked } = scripted([
			() => refused('invalidParameter'),
			() => ok(result('1')),
			() => ok(pending('2')),
			() => ok(result('2')),
		]);
		const outcome = await clock.run(
			async () => await pollLookups(lookups('1', '2'), read, clock, 30000),
		);
		expect(asked).toEqual([['1', '2'], ['1'], ['2'], ['2']]);
		expect(outcome.results.size).toBe(2);
		expect(outcome.lastFailure).toBeUndefined();
	});

	test('a failed read only delays; the last failure is kept for the answer', async () => {
		const clock = new FakeClock();
		const { read } = scripted([() => refused('keyRejected'), () => refused('keyRejected')]);
		const outcome = await clock.run(async () => await pollLookups(lookups('1'), read, clock, 1000));
		expect(outcome.results.size).toBe(0);
		expect(outcome.lastFailure).toBe('refused: keyRejected');
	});
});
