import { InputIssue } from './inputIssue';
import { doubleCountedCharacters, GSM7_LIMIT, measureSms } from './smsLength';

function characters(count: number): string {
	return count === 1 ? '1 character' : `${count} characters`;
}

function quoted(list: string[], conjunction: string): string {
	const shown = list.map((ch) => (ch === '\f' ? 'form feed' : `'${ch}'`));
	return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}

/**
 * The issue for an SMS text that does not fit into one SMS, in plain words: how long it is, how much
 * to cut, and which of its own characters make it longer or lower the limit; undefined when it fits.
 */
export function smsTooLongIssue(parameter: string, text: string): InputIssue | undefined {
	const sms = measureSms(text);
	const over = sms.length - sms.limit;
	if (over <= 0) return undefined;
	const length = `is ${sms.length} characters long as an SMS, ${over} more than the ${sms.limit} that fit into one`;
	if (sms.encoding === 'GSM-7') {
		const doubles = doubleCountedCharacters(text);
		if (!doubles.length) return new InputIssue(parameter, length, `Cut at least ${characters(over)}.`);
		const counts = doubles.length === 1 ? 'counts' : 'each count';
		return new InputIssue(
			parameter,
			`${length} (${quoted(doubles, 'and')} ${counts} as two characters)`,
			`Cut at least ${characters(over)}; each ${quoted(doubles, 'or')} you remove saves two.`,
		);
	}
	const ch = sms.firstNonGsmCharacter as string;
	const emoji = Array.from(text).length < text.length ? '; an emoji counts as two' : '';
	return new InputIssue(
		parameter,
		`${length} because of '${ch}' (a text with Cyrillic letters, emoji or other characters beyond basic Latin fits only ${sms.limit} characters into one SMS${emoji})`,
		`Cut at least ${characters(over)}, or replace '${ch}' and every other such character to get up to ${GSM7_LIMIT}.`,
	);
}
