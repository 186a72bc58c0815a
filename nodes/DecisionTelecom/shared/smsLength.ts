// GSM 03.38 default alphabet; the extension table characters cost two septets each.
const GSM7_BASIC = new Set(
	Array.from(
		'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
	),
);
const GSM7_EXTENSION = new Set(Array.from('^{}\\[~]|€\f'));

export const GSM7_LIMIT = 160;
export const UCS2_LIMIT = 70;

export interface SmsLength {
	encoding: 'GSM-7' | 'UCS-2';
	/** Septets for GSM-7 (extension characters count twice), UTF-16 code units for UCS-2. */
	length: number;
	limit: number;
	firstNonGsmCharacter?: string;
}

export function measureSms(text: string): SmsLength {
	let septets = 0;
	for (const ch of text) {
		if (GSM7_BASIC.has(ch)) septets += 1;
		else if (GSM7_EXTENSION.has(ch)) septets += 2;
		else return { encoding: 'UCS-2', length: text.length, limit: UCS2_LIMIT, firstNonGsmCharacter: ch };
	}
	return { encoding: 'GSM-7', length: septets, limit: GSM7_LIMIT };
}

/** The characters of the text that an SMS counts twice (such as € and [), each once, in order. */
export function doubleCountedCharacters(text: string): string[] {
	return [...new Set(Array.from(text).filter((ch) => GSM7_EXTENSION.has(ch)))];
}
