import { InputIssue } from './inputIssue';

/**
 * A DecisionTelecom message id (a positive whole number, given as a number, a bigint or digits)
 * as canonical digits without leading zeros, or undefined.
 */
export function messageIdOf(value: unknown): string | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
	if (typeof value === 'bigint') return value > BigInt(0) ? value.toString() : undefined;
	if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return undefined;
	const digits = value.trim().replace(/^0+/, '');
	return digits === '' ? undefined : digits;
}

/**
 * Reads a message id parameter. A JavaScript number above 2^53 is refused: it lost digits before
 * the node saw it (a Code node returning 9007199254740993 gives 9007199254740992).
 */
export function readMessageId(value: unknown, parameter: string): string {
	const fix = 'Use the messageId that Send returned, e.g. {{ $json.messageId }}: digits only, passed as a string.';
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw new InputIssue(parameter, 'is empty', fix);
	}
	if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
		throw new InputIssue(
			parameter,
			`${String(value)} is a number above 2^53, so it has already lost digits`,
			'Pass the id as a string: Send outputs messageId as a string, and {{ $json.messageId }} keeps it one. In a Code node, return the id as a string, not a number.',
		);
	}
	const id = messageIdOf(value);
	if (id === undefined) throw new InputIssue(parameter, `'${String(value)}' is not a message ID`, fix);
	return id;
}
