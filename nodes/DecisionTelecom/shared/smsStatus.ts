import { codeToNumber } from './exactJson';

/**
 * One state of an SMS. DecisionTelecom reports SMS states with SMPP's message_state: as a number
 * for the SMS fallback of a Viber message, as its delivery-report word for the SMS API.
 */
export interface SmsState {
	code: number;
	word: string;
	/** The state in plain words, as the node outputs it. */
	name: string;
	/** Whether the state will not change any more. */
	final: boolean;
	delivered: boolean;
	meaning: string;
}

const STATES: SmsState[] = [
	{
		code: 1,
		word: 'ENROUTE',
		name: 'enroute',
		final: false,
		delivered: false,
		meaning: "The message is on its way to the recipient's network and not delivered yet.",
	},
	{
		code: 2,
		word: 'DELIVRD',
		name: 'delivered',
		final: true,
		delivered: true,
		meaning: 'The message was delivered to the recipient.',
	},
	{
		code: 3,
		word: 'EXPIRED',
		name: 'expired',
		final: true,
		delivered: false,
		meaning: 'The message was not delivered before its validity period ended.',
	},
	{
		code: 4,
		word: 'DELETED',
		name: 'deleted',
		final: true,
		delivered: false,
		meaning: 'The message was deleted and cannot be delivered.',
	},
	{
		code: 5,
		word: 'UNDELIV',
		name: 'undeliverable',
		final: true,
		delivered: false,
		meaning:
			'The message cannot be delivered because of a permanent problem, such as a wrong number.',
	},
	{
		code: 6,
		word: 'ACCEPTD',
		name: 'accepted',
		final: false,
		delivered: false,
		meaning: 'The operator accepted the message; it is not delivered yet.',
	},
	{
		code: 7,
		word: 'UNKNOWN',
		name: 'unknown',
		final: false,
		delivered: false,
		meaning: 'The state is not known, perhaps for a passing reason; ask again later.',
	},
	{
		code: 8,
		word: 'REJECTD',
		name: 'rejected',
		final: true,
		delivered: false,
		meaning:
			'The message was rejected (operator policy or another technical reason) and will not be delivered.',
	},
];

const BY_CODE = new Map(STATES.map((state) => [state.code, state]));
const BY_WORD = new Map(STATES.map((state) => [state.word, state]));

// Full words that other systems use for the delivery-report abbreviations; DecisionTelecom does
// not document the case or the spelling beyond its examples.
const ALIASES: Record<string, string> = {
	DELIVERED: 'DELIVRD',
	UNDELIVERABLE: 'UNDELIV',
	UNDELIVERED: 'UNDELIV',
	ACCEPTED: 'ACCEPTD',
	REJECTED: 'REJECTD',
	EN_ROUTE: 'ENROUTE',
};

export function smsStateOfCode(code: number): SmsState | undefined {
	return BY_CODE.get(code);
}

/** The state of a delivery-report word (any case, or a full word) or of an SMPP number. */
export function smsStateOf(value: unknown): SmsState | undefined {
	if (typeof value === 'string' && /^\s*[A-Za-z_ ]+\s*$/.test(value)) {
		const word = value.trim().toUpperCase().replace(/ /g, '_');
		return BY_WORD.get(ALIASES[word] ?? word);
	}
	const code = codeToNumber(value);
	return code === undefined ? undefined : BY_CODE.get(code);
}
