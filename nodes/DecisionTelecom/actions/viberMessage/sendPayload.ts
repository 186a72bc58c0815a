import { asText, checkHttpUrl, checkLength, numberOf } from '../../shared/inputChecks';
import { callbackSecretsOf, tooShortIssue, withCallbackSecret } from '../../shared/callbackSecret';
import { InputIssue } from '../../shared/inputIssue';
import {
	isMessageKind,
	MESSAGE_KINDS,
	SOURCE_TYPES,
	type Category,
	type MessageKind,
} from './messageKinds';
import { normalizePhoneNumber } from '../../shared/phoneNumber';
import { smsTooLongIssue } from '../../shared/smsTooLong';

export const LIMITS = {
	sender: 20,
	text: 1000,
	buttonCaption: 30,
	validityMin: 40,
	validityMax: 21600,
};

/** Sent when SMS fallback is on and no validity period is given: DecisionTelecom documents
 * "Viber + SMS: TTL only 40 seconds", and without one Viber keeps trying for a day. */
export const DEFAULT_SMS_FALLBACK_VALIDITY = 40;

/** What the user entered for one item, before validation. */
export interface SendInput {
	sender: unknown;
	recipient: unknown;
	messageKind: unknown;
	category?: unknown;
	text: unknown;
	imageUrl?: unknown;
	buttonCaption?: unknown;
	buttonUrl?: unknown;
	smsFallback?: unknown;
	smsText?: unknown;
	callbackUrl?: unknown;
	validityPeriod?: unknown;
	/** The credential: its Default Callback URL is used when the item has no Callback URL of its own, its Callback Secret is added to the URL. */
	credentials: Record<string, unknown>;
}

/** The body of POST send-viber, as DecisionTelecom documents it. */
export interface SendViberBody {
	source_addr: string;
	destination_addr: string;
	message_type: number;
	source_type: number;
	text: string;
	image?: string;
	button_caption?: string;
	button_action?: string;
	text_sms?: string;
	callback_url?: string;
	validity_period?: number;
}

export interface SendPlan {
	body: SendViberBody;
	messageKind: MessageKind;
	category: Category;
}

function checkImageUrl(value: unknown): string {
	const fix = 'Enter a public http(s) link to a JPG or PNG image (at most 400×400 pixels).';
	const url = checkHttpUrl(value, 'Image URL', fix);
	if (!/\.(jpe?g|png)$/i.test(new URL(url).pathname)) {
		throw new InputIssue('Image URL', `'${url}' does not end in .jpg, .jpeg or .png`, fix);
	}
	return url;
}

function checkSmsText(value: unknown): string {
	const text = asText(value);
	if (text.trim() === '') {
		throw new InputIssue(
			'SMS Text',
			'is empty',
			"Enter the SMS to send when Viber does not deliver, or turn off 'SMS Fallback'.",
		);
	}
	const tooLong = smsTooLongIssue('SMS Text', text);
	if (tooLong) throw tooLong;
	return text;
}

function checkValidity(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = numberOf(value);
	if (!Number.isInteger(seconds) || seconds < LIMITS.validityMin || seconds > LIMITS.validityMax) {
		throw new InputIssue(
			'Validity Period',
			`${asText(value)} is not a whole number of seconds from ${LIMITS.validityMin} to ${LIMITS.validityMax}`,
			`Enter a number of seconds from ${LIMITS.validityMin} (40 seconds) to ${LIMITS.validityMax} (6 hours), or remove the field.`,
		);
	}
	return seconds;
}

function checkMessageKind(value: unknown): MessageKind {
	if (!isMessageKind(value)) {
		throw new InputIssue(
			'Message Kind',
			`'${asText(value)}' is not a message kind`,
			"Use one of 'text', 'textImageButton', 'twoWayText', 'twoWayTextImageButton'.",
		);
	}
	return value;
}

/** Image messages are promotional by DecisionTelecom's definition; only text kinds offer a choice. */
function checkCategory(messageKind: MessageKind, value: unknown): Category {
	const kind = MESSAGE_KINDS[messageKind];
	if (kind.hasImageAndButton || value === undefined || value === null || value === '')
		return kind.defaultCategory;
	if (value !== 'transactional' && value !== 'promotional') {
		throw new InputIssue(
			'Category',
			`'${asText(value)}' is not a category`,
			"Use 'transactional' or 'promotional'.",
		);
	}
	return value;
}

function checkSender(value: unknown): string {
	const sender = asText(value).trim();
	if (sender === '')
		throw new InputIssue(
			'Sender',
			'is empty',
			'Enter the Viber sender name agreed with DecisionTelecom.',
		);
	checkLength(
		sender,
		'Sender',
		LIMITS.sender,
		'Use the sender name agreed with DecisionTelecom (at most 20 characters).',
	);
	return sender;
}

function checkText(value: unknown): string {
	const text = asText(value);
	if (text.trim() === '') throw new InputIssue('Text', 'is empty', 'Enter the message text.');
	checkLength(text, 'Text', LIMITS.text, 'Shorten the message text to 1000 characters.');
	return text;
}

function imageAndButton(
	input: SendInput,
): Pick<SendViberBody, 'image' | 'button_caption' | 'button_action'> {
	const image = checkImageUrl(input.imageUrl);
	const caption = asText(input.buttonCaption).trim();
	if (caption === '')
		throw new InputIssue('Button Caption', 'is empty', 'Enter the text shown on the button.');
	checkLength(
		caption,
		'Button Caption',
		LIMITS.buttonCaption,
		'Shorten the button caption to 30 characters.',
	);
	const action = checkHttpUrl(
		input.buttonUrl,
		'Button URL',
		'Enter the http(s) link the button opens.',
	);
	return { image, button_caption: caption, button_action: action };
}

function smsFallbackText(input: SendInput, category: Category): string {
	if (category !== 'transactional') {
		throw new InputIssue(
			'SMS Fallback',
			'is only available for transactional text messages',
			"Set 'Category' to 'Transactional' with a text-only message kind, or turn off 'SMS Fallback'.",
		);
	}
	return checkSmsText(input.smsText);
}

/**
 * Validates one item's input and builds the send-viber body. Throws InputIssue naming the
 * parameter; nothing here talks to the network.
 */
export function buildSendPlan(input: SendInput): SendPlan {
	const messageKind = checkMessageKind(input.messageKind);
	const kind = MESSAGE_KINDS[messageKind];
	const category = checkCategory(messageKind, input.category);
	const body: SendViberBody = {
		source_addr: checkSender(input.sender),
		destination_addr: normalizePhoneNumber(input.recipient),
		message_type: kind.messageType,
		source_type: SOURCE_TYPES[category],
		text: checkText(input.text),
	};
	if (kind.hasImageAndButton) Object.assign(body, imageAndButton(input));
	const smsFallback = input.smsFallback === true;
	if (smsFallback) body.text_sms = smsFallbackText(input, category);
	const callbackUrl = callbackUrlOf(input);
	if (callbackUrl !== undefined) body.callback_url = callbackUrl;
	const validity = checkValidity(input.validityPeriod);
	if (validity !== undefined) body.validity_period = validity;
	else if (smsFallback) body.validity_period = DEFAULT_SMS_FALLBACK_VALIDITY;
	return { body, messageKind, category };
}

/**
 * The item's Callback URL, else the credential's Default Callback URL, with the credential's
 * Callback Secret added; undefined when neither URL is set. A secret too short is an input error.
 */
function callbackUrlOf(input: SendInput): string | undefined {
	const own = asText(input.callbackUrl).trim();
	const url = own || asText(input.credentials.defaultCallbackUrl).trim();
	if (url === '') return undefined;
	const checked = checkHttpUrl(
		url,
		own ? 'Callback URL' : 'Default Callback URL (in the credential)',
		"Paste the DecisionTelecom Trigger's Production URL, or another http(s) address that accepts POST requests.",
	);
	const { current, tooShort } = callbackSecretsOf(input.credentials);
	if (tooShort) throw tooShortIssue(tooShort);
	return withCallbackSecret(checked, current);
}
