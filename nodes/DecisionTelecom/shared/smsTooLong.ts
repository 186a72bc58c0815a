import { InputIssue } from './inputIssue';
import {
	capacityOf,
	countSmsParts,
	doubleCountedCharacters,
	GSM7_LIMIT,
	measureSms,
	type SmsLength,
} from './smsLength';

const BEYOND_LATIN = 'Cyrillic letters, emoji or other characters beyond basic Latin';

function characters(count: number): string {
	return count === 1 ? '1 character' : `${count} characters`;
}

function quoted(list: string[], conjunction: string): string {
	const shown = list.map((ch) => (ch === '\f' ? 'form feed' : `'${ch}'`));
	return shown.length === 1
		? shown[0]
		: `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}

/** Why the text is as long as it is, and how to cut it, in words a user knows (no encoding names). */
function explain(
	text: string,
	sms: SmsLength,
	over: number,
	limit: string,
): { problem: string; fix: string } {
	const length = `is ${sms.length} characters long as an SMS, ${over} more than the ${limit}`;
	if (sms.encoding === 'UCS-2') {
		const ch = sms.firstNonGsmCharacter as string;
		const emoji = Array.from(text).length < text.length ? '; an emoji counts as two' : '';
		return {
			problem: `${length} because of '${ch}' (a text with ${BEYOND_LATIN} fits only ${sms.limit} characters into one SMS${emoji})`,
			fix: `Cut at least ${characters(over)}, or replace '${ch}' and every other such character to fit more.`,
		};
	}
	const doubles = doubleCountedCharacters(text);
	if (!doubles.length) return { problem: length, fix: `Cut at least ${characters(over)}.` };
	const counts = doubles.length === 1 ? 'counts' : 'each count';
	return {
		problem: `${length} (${quoted(doubles, 'and')} ${counts} as two characters)`,
		fix: `Cut at least ${characters(over)}; each ${quoted(doubles, 'or')} you remove saves two.`,
	};
}

/**
 * The issue for an SMS text that does not fit into one SMS, in plain words: how long it is, how much
 * to cut, and which of its own characters make it longer or lower the limit; undefined when it fits.
 */
export function smsTooLongIssue(parameter: string, text: string): InputIssue | undefined {
	const sms = measureSms(text);
	const over = sms.length - sms.limit;
	if (over <= 0) return undefined;
	const { problem, fix } = explain(text, sms, over, `${sms.limit} that fit into one`);
	return new InputIssue(
		parameter,
		problem,
		sms.encoding === 'UCS-2' ? fix.replace('to fit more', `to get up to ${GSM7_LIMIT}`) : fix,
	);
}

/** The issue for a text longer than `maxParts` SMS parts, in the same plain words; undefined when it fits. */
export function smsTooManyPartsIssue(
	parameter: string,
	text: string,
	maxParts: number,
): InputIssue | undefined {
	const sms = measureSms(text);
	const parts = countSmsParts(sms);
	if (parts <= maxParts) return undefined;
	const capacity = capacityOf(maxParts, sms.encoding);
	const { problem, fix } = explain(
		text,
		sms,
		sms.length - capacity,
		`${capacity} that fit into ${maxParts} SMS parts (the most this node sends)`,
	);
	return new InputIssue(parameter, problem, `${fix} Or send the text as several SMS.`);
}
