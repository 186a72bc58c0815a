import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runnerContext, testNode as node } from '../../helpers/runnerContext';

import {
	appendDescription,
	asNodeError,
	errorItem,
	failureError,
	inputError,
	sendOutcomeOf,
} from '../../../nodes/DecisionTelecom/runner/itemErrors';
import { InputIssue } from '../../../nodes/DecisionTelecom/shared/inputIssue';

const context = runnerContext();

describe('item errors', () => {
	it('an input problem names the item, says how to fix it, and counts as not sent', () => {
		const error = inputError(
			context,
			new InputIssue('Recipient', 'is empty', 'Enter a number.'),
			3,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Recipient: is empty [item 3]');
		expect(error.description).toBe('Enter a number.');
		expect(error.context).toMatchObject({ itemIndex: 3, outcome: 'notSent' });
	});

	it('a failed call keeps its wording, HTTP status and outcome', () => {
		const failure = {
			message: 'DecisionTelecom answered 502',
			description: 'It may have been sent.',
			outcome: 'unknown' as const,
			httpCode: 502,
		};
		const error = failureError(context, failure, 2);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('DecisionTelecom answered 502 [item 2]');
		expect(error.description).toBe('It may have been sent.');
		expect(error.httpCode).toBe('502');
		expect(error.messages).toEqual(['DecisionTelecom answered 502']);
		expect(error.context).toMatchObject({ itemIndex: 2, outcome: 'unknown' });
		const noAnswer = failureError(context, { ...failure, httpCode: undefined }, 0);
		expect(noAnswer.httpCode).toBeNull();
	});

	it('any error thrown for an item becomes an n8n error of that item', () => {
		const issue = asNodeError(context, new InputIssue('Text', 'is empty', 'Enter it.'), 1);
		expect(issue.message).toBe('Text: is empty [item 1]');
		const known = new NodeOperationError(node, 'known');
		expect(asNodeError(context, known, 1)).toBe(known);
		const api = new NodeApiError(node, { message: 'api' });
		expect(asNodeError(context, api, 1)).toBe(api);
		const other = asNodeError(context, new TypeError('boom'), 4);
		expect(other).toBeInstanceOf(NodeOperationError);
		expect(other.message).toBe('boom');
		expect(other.context.itemIndex).toBe(4);
	});

	it('appends a sentence to a description, or starts one', () => {
		const withText = new NodeOperationError(node, 'm', { description: 'First.' });
		appendDescription(withText, 'Second.');
		expect(withText.description).toBe('First. Second.');
		const without = new NodeOperationError(node, 'm');
		appendDescription(without, 'Only.');
		expect(without.description).toBe('Only.');
	});

	it('counts a send as not sent only when the node classified it so', () => {
		const notSent = new NodeOperationError(node, 'm');
		notSent.context.outcome = 'notSent';
		expect(sendOutcomeOf(notSent)).toBe('notSent');
		expect(sendOutcomeOf(new NodeOperationError(node, 'unexpected'))).toBe('unknown');
		expect(sendOutcomeOf(new NodeApiError(node, { message: 'x' }))).toBe('unknown');
	});

	it('builds the Continue On Fail item with pairedItem, and the outcome only for sends', () => {
		const error = new NodeOperationError(node, 'Broken [item 2]', { description: 'Fix it.' });
		expect(errorItem(error, 2, true)).toEqual({
			json: { error: 'Broken [item 2]', description: 'Fix it.', outcome: 'unknown' },
			pairedItem: { item: 2 },
		});
		// Strict: an error without a description gives no description key at all.
		expect(errorItem(new NodeOperationError(node, 'x'), 0, false)).toStrictEqual({
			json: { error: 'x' },
			pairedItem: { item: 0 },
		});
	});
});
