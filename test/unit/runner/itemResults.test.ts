import type { NodeOperationError } from 'n8n-workflow';

import { runnerContext, thrownBy } from '../../helpers/runnerContext';
import { ItemResults, prepareAll } from '../../../nodes/DecisionTelecom/runner/itemResults';
import { InputIssue } from '../../../nodes/DecisionTelecom/shared/inputIssue';

const context = runnerContext();
const SENT_NOTE =
	"other item(s) of this run were sent before the node stopped; turn on 'Settings > On Error > Continue' to get a result for every item.";

describe('ItemResults', () => {
	it('with Continue On Fail: every item in input order, failures as paired error items', () => {
		const results = new ItemResults(context, true, true);
		results.succeed(2, { id: 'c' });
		results.fail(1, new InputIssue('Text', 'is empty', 'Enter it.'));
		results.succeed(0, { id: 'a' });
		expect(results.stopped).toBe(false);
		expect(results.finish()).toStrictEqual([
			{ json: { id: 'a' }, pairedItem: { item: 0 } },
			{
				json: { error: 'Text: is empty [item 1]', description: 'Enter it.', outcome: 'notSent' },
				pairedItem: { item: 1 },
			},
			{ json: { id: 'c' }, pairedItem: { item: 2 } },
		]);
	});

	it('without it: stops at the first failure by item order, and says how many were sent', () => {
		const results = new ItemResults(context, true, false);
		results.succeed(0, {});
		results.succeed(1, {});
		expect(results.stopped).toBe(false);
		results.fail(5, new Error('late'));
		expect(results.stopped).toBe(true);
		results.fail(3, new Error('first'));
		results.fail(3, new Error('again'));
		results.fail(4, new Error('later'));
		const error = thrownBy<NodeOperationError>(() => results.finish());
		expect(error.message).toBe('first');
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toBe(`2 ${SENT_NOTE}`);
	});

	it('says nothing about sent items when none was sent, or when the operation sends nothing', () => {
		const none = new ItemResults(context, true, false);
		none.fail(0, new InputIssue('Text', 'is empty', 'Enter it.'));
		expect(thrownBy<NodeOperationError>(() => none.finish()).description).toBe('Enter it.');
		const lookups = new ItemResults(context, false, false);
		lookups.succeed(0, {});
		lookups.fail(1, new InputIssue('Phone Number', 'is empty', 'Enter it.'));
		expect(thrownBy<NodeOperationError>(() => lookups.finish()).description).toBe('Enter it.');
	});

	it('a run without items has an empty output', () => {
		expect(new ItemResults(context, true, false).finish()).toStrictEqual([]);
	});

	it('an operation that sends nothing gives error items without an outcome', () => {
		const results = new ItemResults(context, false, true);
		results.fail(0, new Error('boom'));
		expect(results.finish()).toStrictEqual([{ json: { error: 'boom' }, pairedItem: { item: 0 } }]);
	});
});

describe('prepareAll: every item checked before anything is sent', () => {
	const prepare = (itemIndex: number) => {
		if (itemIndex % 2 === 1) throw new TypeError(`odd ${itemIndex}`);
		return `plan ${itemIndex}`;
	};

	it('returns the valid plans in input order and, with Continue On Fail, error items counted as not sent', () => {
		const results = new ItemResults(context, true, true);
		const plans = prepareAll(context, 4, prepare, results);
		expect([...plans]).toEqual([
			[0, 'plan 0'],
			[2, 'plan 2'],
		]);
		results.succeed(0, {});
		results.succeed(2, {});
		const [, first, , second] = results.finish();
		expect(first).toStrictEqual({
			json: { error: 'odd 1', outcome: 'notSent' },
			pairedItem: { item: 1 },
		});
		expect(second.json).toStrictEqual({ error: 'odd 3', outcome: 'notSent' });
	});

	it('without it, throws at the first invalid item, as not sent, before preparing the rest', () => {
		const prepared: number[] = [];
		const results = new ItemResults(context, true, false);
		const error = thrownBy<NodeOperationError>(() =>
			prepareAll(
				context,
				4,
				(itemIndex) => {
					prepared.push(itemIndex);
					return prepare(itemIndex);
				},
				results,
			),
		);
		expect(error.message).toBe('odd 1');
		expect(error.context).toMatchObject({ itemIndex: 1, outcome: 'notSent' });
		expect(prepared).toEqual([0, 1]);
	});
});
