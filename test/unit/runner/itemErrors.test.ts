import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import {
	appendDescription,
	errorItem,
	sendOutcomeOf,
} from '../../../nodes/DecisionTelecom/runner/itemErrors';

const node: INode = {
	id: '1',
	name: 'DecisionTelecom',
	type: 'x',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('item errors', () => {
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
		expect(errorItem(new NodeOperationError(node, 'x'), 0, false)).toEqual({
			json: { error: 'x' },
			pairedItem: { item: 0 },
		});
	});
});
