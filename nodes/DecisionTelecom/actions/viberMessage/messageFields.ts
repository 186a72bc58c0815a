import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ParameterReader } from '../../runner/parameters';
import { messageIdOf } from '../../shared/messageId';
import { LIMITS, type SendInput, type SendPlan } from './sendPayload';

// The message fields every sending operation of the Viber resource shares.

const textKinds = ['text', 'twoWayText'];
const imageKinds = ['textImageButton', 'twoWayTextImageButton'];

const categoryOptions = [
	{
		name: 'Promotional',
		value: 'promotional',
		description: 'Marketing content; no SMS fallback (source_type 1)',
	},
	{
		name: 'Transactional',
		value: 'transactional',
		description: 'Service messages such as order updates; allows SMS fallback (source_type 2)',
	},
];

/** The kinds of message a customer can reply to. */
export const twoWayKindOptions = [
	{
		name: 'Two-Way Text',
		value: 'twoWayText',
		description: 'Text the customer can reply to (message type 206)',
	},
	{
		name: 'Two-Way Text, Image and Button',
		value: 'twoWayTextImageButton',
		description: 'Text, image and button the customer can reply to (message type 208)',
	},
];

export const messageKindField: INodeProperties = {
	displayName: 'Message Kind',
	name: 'messageKind',
	type: 'options',
	default: 'text',
	// Sorted by name (n8n's lint), which also puts the default first.
	options: [
		{ name: 'Text', value: 'text', description: 'Text only (message type 106)' },
		{
			name: 'Text, Image and Button',
			value: 'textImageButton',
			description: 'Text with an image and a link button (message type 108), always promotional',
		},
		...twoWayKindOptions,
	],
};

const addressFields: INodeProperties[] = [
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Custom Company',
		description: 'The Viber sender name agreed with DecisionTelecom',
		hint: `At most ${LIMITS.sender} characters`,
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +380 50 444 44 44',
		description:
			'Phone number in international format with the country code. Spaces, dashes, brackets, a leading + or 00 are fine.',
	},
];

/** The content fields; which of them show depends on the message kind. */
const contentFields: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		default: 'transactional',
		options: categoryOptions,
		displayOptions: { show: { messageKind: ['text'] } },
		description: 'How DecisionTelecom classifies and bills the message',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		default: 'promotional',
		options: categoryOptions,
		displayOptions: { show: { messageKind: ['twoWayText'] } },
		description: 'How DecisionTelecom classifies and bills the message',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'The message text',
		hint: `At most ${LIMITS.text} characters`,
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/images/offer.jpg',
		displayOptions: { show: { messageKind: imageKinds } },
		description: 'Public http(s) link to the image',
		hint: 'A JPG or PNG image, at most 400×400 pixels',
	},
	{
		displayName: 'Button Caption',
		name: 'buttonCaption',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Join Us',
		displayOptions: { show: { messageKind: imageKinds } },
		description: 'Text on the button',
		hint: `At most ${LIMITS.buttonCaption} characters`,
	},
	{
		displayName: 'Button URL',
		name: 'buttonUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/join-us',
		displayOptions: { show: { messageKind: imageKinds } },
		description: 'The http(s) link the button opens',
	},
];

const smsFallbackFields: INodeProperties[] = [
	{
		displayName: 'SMS Fallback',
		name: 'smsFallback',
		type: 'boolean',
		default: false,
		displayOptions: { show: { messageKind: textKinds, category: ['transactional'] } },
		description:
			"Whether to send an SMS when the Viber message is not delivered within the 'Validity Period' (Additional Fields)",
		hint: 'The SMS goes out 40 seconds after the Viber message unless you set a Validity Period',
	},
	{
		displayName: 'SMS Text',
		name: 'smsText',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 2 },
		displayOptions: {
			show: { messageKind: textKinds, category: ['transactional'], smsFallback: [true] },
		},
		description:
			'The SMS sent instead. One SMS holds 160 characters of the basic Latin set (GSM-7), where € [ ] { } ^ ~ | and \\ count as two, or 70 once any other character appears (UCS-2).',
		hint: 'At most 160 characters, or 70 with Cyrillic letters, emoji or other characters beyond basic Latin',
	},
];

/** Sender and recipient, then the message kind, then the content fields that depend on it. */
export function messageFields(messageKind: INodeProperties): INodeProperties[] {
	return [...addressFields, messageKind, ...contentFields, ...smsFallbackFields];
}

export const callbackUrlField: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callbackUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/0f1e.../webhook',
	description:
		"Where DecisionTelecom sends this message's status updates and 2-way replies. Paste the DecisionTelecom Trigger's Production URL. Empty uses the credential's Default Callback URL.",
};

export const validityPeriodField: INodeProperties = {
	displayName: 'Validity Period',
	name: 'validityPeriod',
	type: 'number',
	typeOptions: { minValue: LIMITS.validityMin, maxValue: LIMITS.validityMax },
	default: 40,
	description:
		'How long Viber keeps trying to deliver the message. Undelivered messages are not charged. With SMS Fallback the SMS is sent when it ends. Without this field: 40 seconds with SMS Fallback, else up to a day.',
	hint: `Seconds, from ${LIMITS.validityMin} to ${LIMITS.validityMax} (6 hours)`,
};

/**
 * Says how the Validity Period delays the SMS of SMS Fallback. Shown whenever SMS Fallback is on:
 * a condition on the Validity Period's value would name a field inside Additional Fields, and
 * n8n 1.x then cannot run the node at all ("Could not resolve parameter dependencies").
 */
export const slowFallbackNotice: INodeProperties = {
	displayName:
		'With SMS Fallback, the SMS goes out only when the Validity Period (Additional Fields) ends without delivery: after 40 seconds, or as many seconds as you set there (3600 is an hour later). DecisionTelecom documents 40 seconds for Viber with SMS fallback; keep it for a quick SMS.',
	name: 'slowFallbackNotice',
	type: 'notice',
	default: '',
	displayOptions: {
		show: { messageKind: textKinds, category: ['transactional'], smsFallback: [true] },
	},
};

/** The Additional Fields collection of a sending operation. */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** One item's message input, read through the run's parameter reader. */
export function readMessageInput(
	params: ParameterReader,
	itemIndex: number,
	credentials: IDataObject,
): SendInput {
	const additional = params.get('additionalFields', itemIndex, {}) as IDataObject;
	const messageKind = params.get('messageKind', itemIndex);
	const hasImage = imageKinds.includes(messageKind as string);
	const smsFallback = hasImage ? false : params.get('smsFallback', itemIndex, false);
	return {
		sender: params.get('sender', itemIndex),
		recipient: params.get('recipient', itemIndex),
		messageKind,
		category: hasImage ? undefined : params.get('category', itemIndex, ''),
		text: params.get('text', itemIndex),
		imageUrl: hasImage ? params.get('imageUrl', itemIndex) : undefined,
		buttonCaption: hasImage ? params.get('buttonCaption', itemIndex) : undefined,
		buttonUrl: hasImage ? params.get('buttonUrl', itemIndex) : undefined,
		smsFallback,
		smsText: smsFallback ? params.get('smsText', itemIndex, '') : undefined,
		callbackUrl: additional.callbackUrl,
		validityPeriod: additional.validityPeriod,
		credentials,
	};
}

/** What a sending operation outputs for an accepted message. */
export function sendOutput(plan: SendPlan, answer: unknown): IDataObject {
	const output: IDataObject = {
		messageId: messageIdOf((answer as IDataObject).message_id) as string,
		recipient: plan.body.destination_addr,
		sender: plan.body.source_addr,
		messageKind: plan.messageKind,
		messageType: plan.body.message_type,
		category: plan.category,
		sourceType: plan.body.source_type,
		smsFallback: plan.body.text_sms !== undefined,
	};
	if (plan.body.validity_period !== undefined) output.validityPeriod = plan.body.validity_period;
	return output;
}
