import type { IExecuteFunctions } from 'n8n-workflow';

import {
	checkSendOnceKey,
	hasDeduplicationStore,
	readSendOnceSettings,
} from '../../../nodes/DecisionTelecom/runner/sendOnce';
import type { InputIssue } from '../../../nodes/DecisionTelecom/shared/inputIssue';
import { thrownBy } from '../../helpers/runnerContext';

const KEY_FIX =
	"Give every item a key that identifies its message, e.g. {{ $json.orderId }}-shipped, or remove 'Send Once Per Key'.";

const issueOf = (check: () => unknown) => thrownBy<InputIssue>(check);

describe('checkSendOnceKey', () => {
	test.each([
		[' order-1 ', 'order-1'],
		[7, '7'],
		['x'.repeat(512), 'x'.repeat(512)],
	])('%j is the key %j', (value, key) => {
		expect(checkSendOnceKey(value)).toBe(key);
	});

	test.each([
		['', 'is empty'],
		['  ', 'is empty'],
		[true, 'is empty'],
		[null, 'is empty'],
		['x'.repeat(513), 'is 513 characters long; the limit is 512'],
	])('%j is refused: %s', (value, problem) => {
		const issue = issueOf(() => checkSendOnceKey(value));
		expect([issue.parameter, issue.problem, issue.fix]).toEqual([
			'Options > Send Once Per Key > Key',
			problem,
			KEY_FIX,
		]);
	});
});

describe('readSendOnceSettings', () => {
	const settings = (values: Record<string, unknown>) => ({ sendOnce: { values } });

	test('no Send Once Per Key, no settings; without scope and size, node scope and 10000 keys', () => {
		expect(readSendOnceSettings({})).toBeUndefined();
		expect(readSendOnceSettings(settings({ key: 'a' }))).toEqual({
			scope: 'node',
			rememberLast: 10000,
		});
		expect(readSendOnceSettings(settings({ scope: 'workflow', rememberLast: '5' }))).toEqual({
			scope: 'workflow',
			rememberLast: 5,
		});
	});

	test.each([1, 1_000_000])('Remember Last %d is accepted', (rememberLast) => {
		expect(readSendOnceSettings(settings({ rememberLast }))?.rememberLast).toBe(rememberLast);
	});

	test.each([0, 1_000_001, 2.5])('Remember Last %d is refused', (rememberLast) => {
		expect(issueOf(() => readSendOnceSettings(settings({ rememberLast }))).problem).toBe(
			`'${rememberLast}' is not a whole number from 1 to 1000000`,
		);
	});

	test('each refusal says how to fix it', () => {
		expect(issueOf(() => readSendOnceSettings(settings({ scope: '' }))).fix).toBe(
			"Use 'node' or 'workflow'.",
		);
		expect(issueOf(() => readSendOnceSettings(settings({ rememberLast: 0 }))).fix).toBe(
			'Set how many keys to remember, or remove the option to use 10000.',
		);
	});
});

describe('hasDeduplicationStore: n8n 1.64 and newer give nodes both helpers', () => {
	const withHelpers = (helpers: Record<string, unknown>) =>
		({ helpers }) as unknown as IExecuteFunctions;
	const helper = () => undefined;

	test.each([
		[{}, false],
		[{ checkProcessedAndRecord: helper }, false],
		[{ removeProcessed: helper }, false],
		[{ checkProcessedAndRecord: true, removeProcessed: helper }, false],
		[{ checkProcessedAndRecord: helper, removeProcessed: helper }, true],
	])('%j: %s', (helpers, has) => {
		expect(hasDeduplicationStore(withHelpers(helpers))).toBe(has);
	});
});
