import { smsStateOf } from '../../shared/smsStatus';

/** An SMS state as the node outputs it. */
export interface SmsStateReport {
	/** The state as DecisionTelecom wrote it, e.g. "DELIVRD". */
	status: string | number | null;
	statusName: string;
	final: boolean;
	delivered: boolean;
}

function rawStatus(value: unknown): string | number | null {
	if (typeof value === 'string') return value.trim();
	return typeof value === 'number' ? value : null;
}

/** Any word or number DecisionTelecom reports, named; one the node does not know is not final. */
export function describeSmsState(value: unknown): SmsStateReport {
	const state = smsStateOf(value);
	const status = rawStatus(value);
	if (state)
		return { status, statusName: state.name, final: state.final, delivered: state.delivered };
	return {
		status,
		statusName: status === null || status === '' ? 'unknown' : `unknown (${status})`,
		final: false,
		delivered: false,
	};
}

/** What a state means, in a sentence. */
export function meaningOf(value: unknown): string {
	return (
		smsStateOf(value)?.meaning ??
		'DecisionTelecom reported a state the node does not know; ask again later.'
	);
}

/** One state for several SMS (the parts of one text): theirs when they agree, else "mixed". */
export function summaryOf(parts: SmsStateReport[]): SmsStateReport {
	const [first] = parts;
	const agree = parts.every((part) => part.statusName === first.statusName);
	return {
		status: agree ? first.status : null,
		statusName: agree ? first.statusName : 'mixed',
		final: parts.every((part) => part.final),
		delivered: parts.every((part) => part.delivered),
	};
}
