import type { IDataObject } from 'n8n-workflow';

import { codeToNumber, idToString } from '../../shared/exactJson';

type Entry = Record<string, unknown>;

const STATUS_NAMES: Record<number, string> = {
	0: 'success',
	1: 'invalid number',
	2: 'country not allowed',
};

const RESULT_FIELDS = ['mcc', 'mnc', 'network', 'type', 'present', 'ported'];

/**
 * Whether an hlr-status entry is a lookup's result. DecisionTelecom does not say what it answers
 * before a result is there; a result has a numeric `status` (0 success, 1 invalid number, 2 not
 * allowed country), and a successful one has network fields. Anything else is progress.
 */
export function isLookupResult(entry: Entry): boolean {
	const status = codeToNumber(entry.status);
	if (status === undefined) return false;
	return (
		status !== 0 ||
		RESULT_FIELDS.some((field) => entry[field] !== undefined && entry[field] !== null)
	);
}

const word = (value: unknown): string | null =>
	typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : null;
const text = (value: unknown): string | null =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

function flag(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	const answer = word(value);
	if (answer === 'true' || answer === 'yes' || answer === '1') return true;
	if (answer === 'false' || answer === 'no' || answer === '0') return false;
	return value === 1 ? true : value === 0 ? false : null;
}

export interface LookupFacts {
	phoneNumber: string;
	lookupId: string | null;
	/** The last progress word DecisionTelecom gave (e.g. "Accepted", "sent"), for a lookup without result. */
	lookupStatus: string | null;
	/** The hlr-status entry with the result, if it came in time. */
	result?: Entry;
	/** Why there is no result, for a lookup without one. */
	notReadyDetail?: string;
}

/** The full view of one number's lookup; every field is present, null when not known. */
function describe(facts: LookupFacts): IDataObject {
	const entry = facts.result ?? {};
	const status = facts.result ? (codeToNumber(entry.status) ?? null) : null;
	const numberType = word(entry.type);
	const present = word(entry.present);
	const mobile = numberType === null ? null : numberType === 'mobile';
	const reachable = present === 'yes' ? true : present === 'no' ? false : null;
	return {
		phoneNumber: facts.phoneNumber,
		ready: facts.result !== undefined,
		reachableMobile: status === 0 && mobile === true && reachable === true,
		mobile,
		reachable,
		ported: flag(entry.ported),
		network: text(entry.network),
		mcc: text(entry.mcc),
		mnc: text(entry.mnc),
		statusName: status === null ? null : (STATUS_NAMES[status] ?? `unknown (${status})`),
		numberType,
		present,
		status,
		statusMessage: text(entry.status_message),
		errorCode: codeToNumber(entry.error) ?? null,
		lookupId: facts.lookupId,
		lookupStatus: facts.result ? null : facts.lookupStatus,
	};
}

/** The fields a simplified lookup keeps: what a workflow routes on. */
const SIMPLIFIED_FIELDS = [
	'phoneNumber',
	'ready',
	'reachableMobile',
	'mobile',
	'reachable',
	'ported',
	'network',
	'mcc',
	'mnc',
	'statusName',
] as const;

/** What Look Up outputs for one number; simplified: the ten fields to route on, and why not ready. */
export function lookupOutput(facts: LookupFacts, simplify: boolean): IDataObject {
	const full = describe(facts);
	const detail = facts.result
		? {}
		: { detail: facts.notReadyDetail ?? 'DecisionTelecom has no result for this number yet.' };
	if (!simplify)
		return { ...full, ...detail, raw: (facts.result as IDataObject | undefined) ?? null };
	const simplified = SIMPLIFIED_FIELDS.map((key) => [key, full[key]]);
	return { ...Object.fromEntries(simplified), ...detail };
}

/** The id and phone of an entry as exact digit strings. */
export function entryKeys(entry: Entry): { id?: string; phone?: string } {
	return { id: idToString(entry.id), phone: idToString(entry.phone)?.replace(/\D/g, '') };
}
