// GSM 03.38 default alphabet; the extension table characters cost two septets each.
export const GSM7_BASIC_CHARACTERS =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
export const GSM7_EXTENSION_CHARACTERS = '^{}\\[~]|€\f';

const GSM7_BASIC = new Set(Array.from(GSM7_BASIC_CHARACTERS));
const GSM7_EXTENSION = new Set(Array.from(GSM7_EXTENSION_CHARACTERS));

export const GSM7_LIMIT = 160;
export const UCS2_LIMIT = 70;

/** Per part of a long (concatenated) SMS: the part's header takes the rest. */
export const GSM7_PART_LIMIT = 153;
export const UCS2_PART_LIMIT = 67;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsLength {
	encoding: SmsEncoding;
	/** Septets for GSM-7 (extension characters count twice), UTF-16 code units for UCS-2. */
	length: number;
	/** What fits into one SMS. */
	limit: number;
	firstNonGsmCharacter?: string;
}

export function measureSms(text: string): SmsLength {
	let septets = 0;
	for (const ch of text) {
		if (GSM7_BASIC.has(ch)) septets += 1;
		else if (GSM7_EXTENSION.has(ch)) septets += 2;
		else
			return {
				encoding: 'UCS-2',
				length: text.length,
				limit: UCS2_LIMIT,
				firstNonGsmCharacter: ch,
			};
	}
	return { encoding: 'GSM-7', length: septets, limit: GSM7_LIMIT };
}

/** What fits into one SMS, and into each part once a text is longer. */
export function partLimits(encoding: SmsEncoding): { single: number; perPart: number } {
	return encoding === 'GSM-7'
		? { single: GSM7_LIMIT, perPart: GSM7_PART_LIMIT }
		: { single: UCS2_LIMIT, perPart: UCS2_PART_LIMIT };
}

/** The most a text of `parts` SMS parts can hold, in the encoding's units. */
export function capacityOf(parts: number, encoding: SmsEncoding): number {
	const { single, perPart } = partLimits(encoding);
	return parts <= 1 ? single : parts * perPart;
}

/**
 * How many SMS a text is sent as: one up to 160 GSM-7 / 70 UCS-2 units, else parts of 153 / 67.
 * The usual rule; a network may split a little differently (it does not cut a two-septet
 * character or an emoji in half), and DecisionTelecom's answer says what it counted.
 */
export function countSmsParts(sms: SmsLength): number {
	const { single, perPart } = partLimits(sms.encoding);
	return sms.length <= single ? 1 : Math.ceil(sms.length / perPart);
}

/** The characters of the text that an SMS counts twice (such as € and [), each once, in order. */
export function doubleCountedCharacters(text: string): string[] {
	return [...new Set(Array.from(text).filter((ch) => GSM7_EXTENSION.has(ch)))];
}
