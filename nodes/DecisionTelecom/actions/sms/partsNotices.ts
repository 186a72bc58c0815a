import type { INodeProperties } from 'n8n-workflow';

import {
	capacityOf,
	GSM7_BASIC_CHARACTERS,
	GSM7_EXTENSION_CHARACTERS,
	type SmsEncoding,
} from '../../shared/smsLength';
import { SMS_LIMITS } from './smsMessage';

// n8n shows no text computed from a field's value: hints and notices are fixed texts. What does
// react to the value is displayOptions, with its regex condition. So the form has one notice per
// part count, each hidden unless the Text matches that count; exactly one shows for a typed text,
// none for an expression (the node then counts when it runs and outputs the count).

/** Above this many double-counted characters the notices stop counting exactly. */
export const MAX_DOUBLE_COUNTED = 10;

function characterClass(characters: string): string {
	const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\f': '\\f' };
	return Array.from(
		characters,
		(ch) => escapes[ch] ?? (/[\\\]^[-]/.test(ch) ? `\\${ch}` : ch),
	).join('');
}

const GSM = characterClass(GSM7_BASIC_CHARACTERS + GSM7_EXTENSION_CHARACTERS);
const DOUBLE = `[${characterClass(GSM7_EXTENSION_CHARACTERS)}]`;
const NOT_DOUBLE = `[^${characterClass(GSM7_EXTENSION_CHARACTERS)}]`;
const ONLY_GSM = `(?=[${GSM}]*$)`;
const HAS_NON_GSM = `(?=[\\s\\S]*[^${GSM}])`;

const repeat = (min: number, max: number) =>
	Number.isFinite(max) ? `{${min},${max}}` : `{${min},}`;

/**
 * A GSM-7 text of `min` to `max` septets with at most MAX_DOUBLE_COUNTED extension characters:
 * with exactly `e` of them, it has `min - e` to `max - e` characters.
 */
function gsmSeptets(min: number, max: number): string {
	const alternatives: string[] = [];
	for (let e = 0; e <= MAX_DOUBLE_COUNTED; e++) {
		const low = Math.max(min - e, e, 1);
		const high = max - e;
		if (low > high) continue;
		alternatives.push(
			`(?=(?:${NOT_DOUBLE}*${DOUBLE}){${e}}${NOT_DOUBLE}*$)[\\s\\S]${repeat(low, high)}`,
		);
	}
	return `${ONLY_GSM}(?:${alternatives.join('|')})`;
}

function ucs2Units(min: number, max: number): string {
	return `${HAS_NON_GSM}[\\s\\S]${repeat(min, max)}`;
}

/** A notice shown only while the Text (typed, not an expression) matches `pattern` in full. */
function notice(name: string, displayName: string, pattern: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'notice',
		default: '',
		displayOptions: {
			hide: { text: [{ _cnd: { startsWith: '=' } }, { _cnd: { regex: `^(?!(?:${pattern})$)` } }] },
		},
	};
}

const WHY_FEWER = 'it has Cyrillic letters, emoji or other characters beyond basic Latin';

function partsText(parts: number, encoding: SmsEncoding): string {
	if (encoding === 'GSM-7') {
		return parts === 1
			? 'This text fits in one SMS (up to 160 characters; € [ ] { } ^ ~ \\ | count as two)'
			: `This text is sent as ${parts} SMS parts, each charged (153 characters per part once a text is longer than 160)`;
	}
	return parts === 1
		? `This text fits in one SMS (up to 70 characters because ${WHY_FEWER})`
		: `This text is sent as ${parts} SMS parts, each charged (67 characters per part once a text is longer than 70, because ${WHY_FEWER})`;
}

function countNotices(encoding: SmsEncoding): INodeProperties[] {
	const units = encoding === 'GSM-7' ? gsmSeptets : ucs2Units;
	const prefix = encoding === 'GSM-7' ? 'gsm7' : 'ucs2';
	return Array.from({ length: SMS_LIMITS.maxParts }, (_, index) => {
		const parts = index + 1;
		const min = parts === 1 ? 1 : capacityOf(parts - 1, encoding) + 1;
		return notice(
			`${prefix}Parts${parts}Notice`,
			partsText(parts, encoding),
			units(min, capacityOf(parts, encoding)),
		);
	});
}

const MAX = SMS_LIMITS.maxParts;
const GSM_MAX = capacityOf(MAX, 'GSM-7');
const UCS2_MAX = capacityOf(MAX, 'UCS-2');

/** The notices that tell, under the Text field, how many SMS parts the typed text takes. */
export const partsNotices: INodeProperties[] = [
	...countNotices('GSM-7'),
	...countNotices('UCS-2'),
	notice(
		'tooManyPartsNotice',
		`This text is longer than ${MAX} SMS parts (${GSM_MAX} characters, or ${UCS2_MAX} with Cyrillic letters or emoji), the most this node sends: shorten it`,
		`${gsmSeptets(GSM_MAX + 1, Infinity)}|${ONLY_GSM}[\\s\\S]{${GSM_MAX + 1},}|${ucs2Units(UCS2_MAX + 1, Infinity)}`,
	),
	notice(
		'manyDoubleCountedNotice',
		`This text has more than ${MAX_DOUBLE_COUNTED} characters that count as two (€ [ ] { } ^ ~ \\ |): the node counts its SMS parts when it runs and outputs the count`,
		`${ONLY_GSM}(?=(?:${NOT_DOUBLE}*${DOUBLE}){${MAX_DOUBLE_COUNTED + 1}})[\\s\\S]{1,${GSM_MAX}}`,
	),
];

export const PARTS_NOTICE_NAMES = new Set(partsNotices.map((property) => property.name));
