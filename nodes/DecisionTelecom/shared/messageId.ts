import { InputIssue } from './inputIssue';

/**
 * A DecisionTelecom message id (a positive whole number, given as a number, a bigint or digits)
 * as canonical digits without leading zeros, or undefined.
 */
export function messageIdOf(value: unknown): string | undefined {
	if (typeof value === 'number')
		return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
	if (typeof value === 'bigint') return value > BigInt(0) ? value.toString() : undefined;
	if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return undefined;
	const digits = value.trim().replace(/^0+/, '');
	return digits === '' ? undefined : digits;
}

/** Where an id parameter's value comes from: the output field of the operation that returned it. */
export interface IdSource {
	noun: string;
	field: string;
	operation: string;
}

const MESSAGE_ID: IdSource = { noun: 'a message ID', field: 'messageId', operation: 'Send' };

/**
 * Reads a message id parameter (or another DecisionTelecom id, per `source`). A JavaScript number
 * above 2^53 is refused: it lost digits before the node saw it (a Code node returning
 * 9007199254740993 gives 9007199254740992).
 */
export function readMessageId(
	value: unknown,
	parameter: string,
	source: IdSource = MESSAGE_ID,
): string {
	const { noun, field: outputField, operation } = source;
	const fix = `Use the ${outputField} that ${operation} returned, e.g. {{ $json.${outputField} }}: digits only, passed as a string.`;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw new InputIssue(parameter, 'is empty', fix);
	}
	if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
		throw new InputIssue(
			parameter,
			`${String(value)} is a number above 2^53, so it has already lost digits`,
			`Pass the id as a string: ${operation} outputs ${outputField} as a string, and {{ $json.${outputField} }} keeps it one. In a Code node, return the id as a string, not a number.`,
		);
	}
	const id = messageIdOf(value);
	if (id === undefined) throw new InputIssue(parameter, `'${String(value)}' is not ${noun}`, fix);
	return id;
}
