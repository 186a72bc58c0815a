import type { IDataObject } from 'n8n-workflow';

import { codeToNumber } from '../../shared/exactJson';
import { asText, checkLength, numberOf } from '../../shared/inputChecks';
import { InputIssue } from '../../shared/inputIssue';
import { messageIdOf } from '../../shared/messageId';
import { normalizePhoneNumber } from '../../shared/phoneNumber';
import { countSmsParts, measureSms, type SmsLength } from '../../shared/smsLength';
import { smsTooManyPartsIssue } from '../../shared/smsTooLong';
import { messageEntriesOf } from './api';
import { describeSmsState, summaryOf, type SmsStateReport } from './smsReport';

export const SMS_LIMITS = {
	sender: 11,
	validityMinMinutes: 1,
	validityMaxMinutes: 4320,
	/** The node's own cap, against texts pasted by mistake; DecisionTelecom documents none. */
	maxParts: 10,
};

/** What the user entered for one SMS, before validation. */
export interface SmsInput {
	sender: unknown;
	recipient: unknown;
	text: unknown;
	validityPeriod: unknown;
}

/** The body of POST send-sms, as DecisionTelecom documents it (the phone as a JSON number). */
export interface SendSmsBody {
	phone: number;
	sender: string;
	text: string;
	validity_period: number;
}

export interface SmsPlan {
	body: SendSmsBody;
	recipient: string;
	sms: SmsLength;
	expectedPartCount: number;
}

function checkSender(value: unknown): string {
	const sender = asText(value).trim();
	if (sender === '')
		throw new InputIssue(
			'Sender',
			'is empty',
			'Enter the SMS sender name agreed with DecisionTelecom.',
		);
	checkLength(
		sender,
		'Sender',
		SMS_LIMITS.sender,
		`Use the SMS sender name agreed with DecisionTelecom (at most ${SMS_LIMITS.sender} characters).`,
	);
	return sender;
}

function checkText(value: unknown): { text: string; sms: SmsLength; parts: number } {
	const text = asText(value);
	if (text.trim() === '') throw new InputIssue('Text', 'is empty', 'Enter the SMS text.');
	const tooLong = smsTooManyPartsIssue('Text', text, SMS_LIMITS.maxParts);
	if (tooLong) throw tooLong;
	const sms = measureSms(text);
	const parts = countSmsParts(sms);
	return { text, sms, parts };
}

function checkValidity(value: unknown): number {
	const { validityMinMinutes: min, validityMaxMinutes: max } = SMS_LIMITS;
	const minutes = numberOf(value);
	if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
		throw new InputIssue(
			'Validity Period (Minutes)',
			`${asText(value) || 'empty'} is not a whole number of minutes from ${min} to ${max}`,
			`Enter how many minutes DecisionTelecom may try to deliver the SMS: ${min} to ${max} (3 days).`,
		);
	}
	return minutes;
}

/** Validates one item's input and builds the send-sms body; nothing here talks to the network. */
export function buildSmsPlan(input: SmsInput): SmsPlan {
	const recipient = normalizePhoneNumber(input.recipient, 'Recipient');
	const { text, sms, parts } = checkText(input.text);
	const body: SendSmsBody = {
		phone: Number(recipient),
		sender: checkSender(input.sender),
		text,
		validity_period: checkValidity(input.validityPeriod),
	};
	return { body, recipient, sms, expectedPartCount: parts };
}

interface SentPart extends SmsStateReport {
	messageId: string;
	partCount: number | null;
	concatPart: number | null;
}

function sentPart(entry: Record<string, unknown>): SentPart {
	return {
		messageId: messageIdOf(entry.message_id) as string,
		partCount: codeToNumber(entry.part_count) ?? null,
		concatPart: codeToNumber(entry.concat_part) ?? null,
		...describeSmsState(entry.status),
	};
}

/** What Send outputs for an accepted SMS: every `message_data` entry, and a summary of them. */
export function smsSendOutput(plan: SmsPlan, answer: unknown): IDataObject {
	const parts = (messageEntriesOf(answer) ?? []).map(sentPart);
	const counted = parts
		.map((part) => part.partCount)
		.filter((count): count is number => count !== null);
	return {
		messageId: parts[0].messageId,
		messageIds: parts.map((part) => part.messageId),
		recipient: plan.recipient,
		sender: plan.body.sender,
		...summaryOf(parts),
		partCount: counted.length > 0 ? Math.max(...counted) : null,
		expectedPartCount: plan.expectedPartCount,
		encoding: plan.sms.encoding,
		validityPeriod: plan.body.validity_period,
		parts: parts as unknown as IDataObject[],
	};
}
