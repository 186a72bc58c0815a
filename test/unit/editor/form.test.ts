import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { DecisionTelecomApi } from '../../../credentials/DecisionTelecomApi.credentials';
import { DecisionTelecom } from '../../../nodes/DecisionTelecom/DecisionTelecom.node';
import actionCodex from '../../../nodes/DecisionTelecom/DecisionTelecom.node.json';
import { DecisionTelecomTrigger } from '../../../nodes/DecisionTelecom/DecisionTelecomTrigger.node';
import triggerCodex from '../../../nodes/DecisionTelecom/DecisionTelecomTrigger.node.json';

const action = new DecisionTelecom().description;
const trigger = new DecisionTelecomTrigger().description;

/** The parameters n8n's form shows for these values (n8n's own display rules), by name. */
function shownFields(values: INodeParameters): INodeProperties[] {
	return action.properties.filter((p) =>
		NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, action),
	);
}

function shown(values: INodeParameters, name: string): INodeProperties | undefined {
	return shownFields(values).find((p) => p.name === name);
}

const SEND = {
	resource: 'viberMessage',
	operation: 'send',
	messageKind: 'text',
	category: 'transactional',
};

/** Every label a user reads: field names, option names, collection entries, credential fields. */
function labels(properties: INodeProperties[]): string[] {
	return properties.flatMap((p) => [
		p.type === 'notice' ? '' : p.displayName,
		...(
			(p.options ?? []) as Array<{ name?: string; displayName?: string; options?: unknown }>
		).flatMap((o) =>
			'displayName' in o && o.displayName ? labels([o as INodeProperties]) : [o.name ?? ''],
		),
	]);
}

describe('the form teaches the limits before a run', () => {
	test.each([
		['sender', { ...SEND }, '20 characters'],
		['text', { ...SEND }, '1000 characters'],
		['buttonCaption', { ...SEND, messageKind: 'textImageButton' }, '30 characters'],
		['imageUrl', { ...SEND, messageKind: 'textImageButton' }, '400×400 pixels'],
		['smsText', { ...SEND, smsFallback: true }, '160 characters, or 70'],
	])('%s shows its limit in a hint under the field', (name, values, limit) => {
		expect(shown(values, name)?.hint).toContain(limit);
	});

	test('Validity Period is pre-filled with the 40 seconds its help names, and its hint gives the range', () => {
		const additional = shown(SEND, 'additionalFields')?.options as INodeProperties[];
		const validity = additional.find((p) => p.name === 'validityPeriod');
		expect(validity?.default).toBe(40);
		expect(validity?.description).toContain('40 seconds with SMS Fallback');
		expect(validity?.hint).toBe('Seconds, from 40 to 21600 (6 hours)');
	});

	test.each([
		[{ smsFallback: true, additionalFields: { validityPeriod: 3600 } }, true],
		[{ smsFallback: true, additionalFields: {} }, true],
		[{ smsFallback: false, additionalFields: { validityPeriod: 3600 } }, false],
		[
			{ smsFallback: true, category: 'promotional', additionalFields: { validityPeriod: 3600 } },
			false,
		],
	])('%j: the notice that the Validity Period delays the SMS is shown: %s', (values, expected) => {
		for (const operation of ['send', 'sendAndWaitForDelivery']) {
			const notice = shown({ ...SEND, operation, ...values }, 'slowFallbackNotice');
			expect(notice !== undefined).toBe(expected);
			if (notice) expect(notice.displayName).toContain('only when the Validity Period');
		}
	});

	test.each(['send', 'sendAndWaitForDelivery', 'sendAndWaitForReply'])(
		'%s shows the Retry On Fail warning',
		(operation) => {
			expect(shown({ ...SEND, operation }, 'retryOnFailNotice')?.displayName).toContain(
				'Retry On Fail',
			);
		},
	);
});

describe('plain words', () => {
	test('no label says GSM-7, UCS-2 or a message type number', () => {
		const all = [
			...labels(action.properties),
			...labels(trigger.properties),
			...labels(new DecisionTelecomApi().properties),
		];
		expect(all.length).toBeGreaterThan(20);
		for (const label of all) expect(label).not.toMatch(/GSM|UCS|\b(106|108|206|208)\b|source_type/);
	});

	test('the default Message Kind is the first in its list', () => {
		for (const operation of ['send', 'sendAndWaitForDelivery', 'sendAndWaitForReply']) {
			const field = shown({ ...SEND, operation }, 'messageKind');
			expect((field?.options as Array<{ value: string }>)[0].value).toBe(field?.default);
		}
	});

	test.each([
		['viberMessage', /Viber message/],
		['sms', /SMS/],
		['phoneNumber', /phone number/],
		['oneTimeCode', /one time code/],
	])(
		'%s: action names are sentence case, name the resource and have no article; the subtitle says the same',
		(resource, noun) => {
			const operations = shown({ resource }, 'operation')?.options as Array<{
				value: string;
				action: string;
			}>;
			for (const { value, action: name } of operations) {
				expect(name).toMatch(/^[A-Z][a-z]+ /);
				expect(name).toMatch(noun);
				expect(name).not.toMatch(/\b(a|an|the)\b/);
				expect(action.subtitle).toContain(`"${resource}.${value}":"${name}"`);
			}
		},
	);

	test.each(['viberMessage', 'sms'])(
		"%s Get Status's Message ID defaults to the messageId of the input item",
		(resource) => {
			expect(shown({ resource, operation: 'getStatus' }, 'messageId')?.default).toBe(
				'={{ $json.messageId }}',
			);
		},
	);
});

describe('found in the node panel, with a working Docs link', () => {
	test.each([
		['DecisionTelecom', actionCodex, ['Viber', 'SMS', 'text message', '2-way', 'delivery report']],
		[
			'DecisionTelecom Trigger',
			triggerCodex,
			['Viber', 'SMS', 'text message', '2-way', 'delivery report', 'reply'],
		],
	])(
		'%s has the aliases users type, and documentation URLs without fragment or query',
		(_name, codex, words) => {
			expect(codex.alias).toEqual(expect.arrayContaining(words));
			// The editor appends ?utm_source=… to this URL, so it must end cleanly.
			expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\/[^#?]+$/);
		},
	);

	test.each([action, trigger])(
		'$displayName has a documentationUrl, which the editor uses as it is',
		(description) => {
			expect(description.documentationUrl).toMatch(/^https:\/\/github\.com\/[^?]+$/);
		},
	);
});
