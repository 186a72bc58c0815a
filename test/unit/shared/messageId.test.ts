import { InputIssue } from '../../../nodes/DecisionTelecom/shared/inputIssue';
import { messageIdOf, readMessageId } from '../../../nodes/DecisionTelecom/shared/messageId';

describe('messageIdOf', () => {
	it.each([
		[429, '429'],
		['429', '429'],
		[' 007 ', '7'],
		['9007199254740993', '9007199254740993'],
		[BigInt('9007199254740993'), '9007199254740993'],
	])('%p -> %p', (value, expected) => {
		expect(messageIdOf(value)).toBe(expected);
	});

	it.each([
		0,
		-1,
		4.5,
		'0',
		'000',
		'',
		'12a',
		'-5',
		'4.5',
		Number('9007199254740993'),
		null,
		undefined,
		false,
		{},
		BigInt(0),
	])('%p is not a message id', (value) => {
		expect(messageIdOf(value)).toBeUndefined();
	});
});

describe('readMessageId', () => {
	it('normalises digit strings: "007" is message 7', () => {
		expect(readMessageId('007', 'Message ID')).toBe('7');
	});

	it('refuses a number above 2^53, which has already lost digits, and says to pass a string', () => {
		const unsafe = Number('9007199254740993');
		expect(() => readMessageId(unsafe, 'Message ID')).toThrow(InputIssue);
		try {
			readMessageId(unsafe, 'Message ID');
		} catch (error) {
			expect((error as InputIssue).message).toBe(
				'Message ID: 9007199254740992 is a number above 2^53, so it has already lost digits',
			);
			expect((error as InputIssue).fix).toContain('Pass the id as a string');
		}
	});

	it.each([
		['', 'is empty'],
		[null, 'is empty'],
		['abc', "'abc' is not a message ID"],
		[0, "'0' is not a message ID"],
		[12.5, "'12.5' is not a message ID"],
	])('%p: %s', (value, problem) => {
		expect(() => readMessageId(value, 'Message ID')).toThrow(`Message ID: ${problem}`);
	});
});
