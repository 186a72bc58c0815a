import { InputIssue } from '../../../nodes/DecisionTelecom/shared/inputIssue';
import {
	buildSendPlan,
	DEFAULT_SMS_FALLBACK_VALIDITY,
	LIMITS,
	type SendInput,
} from '../../../nodes/DecisionTelecom/actions/viberMessage/sendPayload';
import { checkHttpUrl } from '../../../nodes/DecisionTelecom/shared/inputChecks';
import { fakeSecret } from '../../helpers/fakeSecret';

function issueFrom(fn: () => unknown): InputIssue {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputIssue);
		return error as InputIssue;
	}
	throw new Error('expected an InputIssue, but nothing was thrown');
}

const TEXT: SendInput = {
	sender: 'Custom company',
	recipient: '+380 50 444 44 44',
	messageKind: 'text',
	text: 'Message content',
	credentials: {},
};

const IMAGE: SendInput = {
	sender: 'Custom company',
	recipient: '380504444444',
	messageKind: 'textImageButton',
	text: 'Message content',
	imageUrl: 'https://yourdomain.com/images/image.jpg',
	buttonCaption: 'Join Us',
	buttonUrl: 'https://yourdomain.com/join-us',
	credentials: {},
};

const CALLBACK_FIX =
	"Paste the DecisionTelecom Trigger's Production URL, or another http(s) address that accepts POST requests.";
const IMAGE_FIX = 'Enter a public http(s) link to a JPG or PNG image (at most 400×400 pixels).';
const VALIDITY_FIX =
	'Enter a number of seconds from 40 (40 seconds) to 21600 (6 hours), or remove the field.';

describe("buildSendPlan: the request bodies of DecisionTelecom's documentation and SDK tests", () => {
	it('S1 transactional text', () => {
		const plan = buildSendPlan({
			...TEXT,
			recipient: '380504444444',
			callbackUrl: 'https://yourdomain.com/viber-callback',
			validityPeriod: 3600,
		});
		expect(plan).toEqual({
			messageKind: 'text',
			category: 'transactional',
			body: {
				source_addr: 'Custom company',
				destination_addr: '380504444444',
				message_type: 106,
				text: 'Message content',
				source_type: 2,
				callback_url: 'https://yourdomain.com/viber-callback',
				validity_period: 3600,
			},
		});
	});

	it('S2 promotional text + image + button', () => {
		const plan = buildSendPlan({
			...IMAGE,
			callbackUrl: 'https://yourdomain.com/viber-callback',
			validityPeriod: 3600,
		});
		expect(plan).toEqual({
			messageKind: 'textImageButton',
			category: 'promotional',
			body: {
				source_addr: 'Custom company',
				destination_addr: '380504444444',
				message_type: 108,
				text: 'Message content',
				image: 'https://yourdomain.com/images/image.jpg',
				button_caption: 'Join Us',
				button_action: 'https://yourdomain.com/join-us',
				source_type: 1,
				callback_url: 'https://yourdomain.com/viber-callback',
				validity_period: 3600,
			},
		});
	});

	it('S3 Viber + SMS', () => {
		const plan = buildSendPlan({
			...TEXT,
			smsFallback: true,
			smsText: 'SMS Message',
			callbackUrl: 'https://yourdomain.com/viber-callback',
			validityPeriod: 3600,
		});
		expect(plan.body).toEqual({
			source_addr: 'Custom company',
			destination_addr: '380504444444',
			message_type: 106,
			text: 'Message content',
			text_sms: 'SMS Message',
			source_type: 2,
			callback_url: 'https://yourdomain.com/viber-callback',
			validity_period: 3600,
		});
	});
});

describe('buildSendPlan: message kinds and categories', () => {
	it.each([[undefined], [null], ['']])(
		'a category of %j falls back to the default of the kind',
		(category) => {
			expect(buildSendPlan({ ...TEXT, category }).category).toBe('transactional');
			expect(buildSendPlan({ ...TEXT, messageKind: 'twoWayText', category }).category).toBe(
				'promotional',
			);
		},
	);

	it.each([
		['text', 106, 'transactional', 2],
		['twoWayText', 206, 'promotional', 1],
	])(
		'%s -> message_type %d, default category %s (source_type %d)',
		(kind, type, category, sourceType) => {
			const plan = buildSendPlan({ ...TEXT, messageKind: kind });
			expect(plan.messageKind).toBe(kind);
			expect(plan.category).toBe(category);
			expect(plan.body).toEqual({
				source_addr: 'Custom company',
				destination_addr: '380504444444',
				message_type: type,
				source_type: sourceType,
				text: 'Message content',
			});
		},
	);

	it.each([
		['textImageButton', 108],
		['twoWayTextImageButton', 208],
	])('%s -> message_type %d, promotional, with image and button', (kind, type) => {
		const plan = buildSendPlan({ ...IMAGE, messageKind: kind });
		expect(plan.messageKind).toBe(kind);
		expect(plan.category).toBe('promotional');
		expect(plan.body).toEqual({
			source_addr: 'Custom company',
			destination_addr: '380504444444',
			message_type: type,
			source_type: 1,
			text: 'Message content',
			image: 'https://yourdomain.com/images/image.jpg',
			button_caption: 'Join Us',
			button_action: 'https://yourdomain.com/join-us',
		});
	});

	it.each([
		['text', 'promotional', 1],
		['text', 'transactional', 2],
		['twoWayText', 'transactional', 2],
		['twoWayText', 'promotional', 1],
	])('%s honours category %s (source_type %d)', (kind, category, sourceType) => {
		const plan = buildSendPlan({ ...TEXT, messageKind: kind, category });
		expect(plan.category).toBe(category);
		expect(plan.body.source_type).toBe(sourceType);
	});

	it.each(['textImageButton', 'twoWayTextImageButton'])(
		'%s is always promotional, even when transactional is asked for',
		(kind) => {
			const plan = buildSendPlan({ ...IMAGE, messageKind: kind, category: 'transactional' });
			expect(plan.category).toBe('promotional');
			expect(plan.body.source_type).toBe(1);
		},
	);

	it('an empty category means the default of the kind', () => {
		expect(buildSendPlan({ ...TEXT, category: '' }).category).toBe('transactional');
		expect(buildSendPlan({ ...TEXT, messageKind: 'twoWayText', category: '' }).category).toBe(
			'promotional',
		);
	});

	it('rejects an unknown category', () => {
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, category: 'marketing' }));
		expect(issue.parameter).toBe('Category');
		expect(issue.problem).toBe("'marketing' is not a category");
		expect(issue.fix).toBe("Use 'transactional' or 'promotional'.");
	});

	it.each([
		['sms'],
		[''],
		[106],
		[undefined],
		['TEXT'],
		['toString'],
		['constructor'],
		['__proto__'],
	])('rejects the message kind %j', (kind) => {
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, messageKind: kind }));
		expect(issue.parameter).toBe('Message Kind');
		expect(issue.problem).toBe(`'${kind === undefined ? '' : String(kind)}' is not a message kind`);
		expect(issue.fix).toBe(
			"Use one of 'text', 'textImageButton', 'twoWayText', 'twoWayTextImageButton'.",
		);
	});
});

describe('buildSendPlan: SMS fallback', () => {
	it('adds text_sms and defaults validity_period to 40 seconds', () => {
		const plan = buildSendPlan({ ...TEXT, smsFallback: true, smsText: 'Your code is 1234' });
		expect(DEFAULT_SMS_FALLBACK_VALIDITY).toBe(40);
		expect(plan.body.text_sms).toBe('Your code is 1234');
		expect(plan.body.validity_period).toBe(40);
	});

	it('keeps an explicit validity period with SMS fallback', () => {
		const plan = buildSendPlan({ ...TEXT, smsFallback: true, smsText: 'x', validityPeriod: 120 });
		expect(plan.body.validity_period).toBe(120);
	});

	it('sends no validity_period and no text_sms without SMS fallback', () => {
		const plan = buildSendPlan({ ...TEXT, smsFallback: false, smsText: 'ignored' });
		expect(plan.body).not.toHaveProperty('text_sms');
		expect(plan.body).not.toHaveProperty('validity_period');
	});

	it('only turns on for the boolean true', () => {
		const plan = buildSendPlan({ ...TEXT, smsFallback: 'true', smsText: 'x' });
		expect(plan.body).not.toHaveProperty('text_sms');
	});

	it('works with a transactional 2-way text', () => {
		const plan = buildSendPlan({
			...TEXT,
			messageKind: 'twoWayText',
			category: 'transactional',
			smsFallback: true,
			smsText: 'x',
		});
		expect(plan.body.message_type).toBe(206);
		expect(plan.body.source_type).toBe(2);
		expect(plan.body.text_sms).toBe('x');
	});

	it.each([
		['promotional text', { ...TEXT, category: 'promotional' }],
		['2-way text by default', { ...TEXT, messageKind: 'twoWayText' }],
		['text + image + button', { ...IMAGE, category: 'transactional' }],
		['2-way text + image + button', { ...IMAGE, messageKind: 'twoWayTextImageButton' }],
	])('is refused for a %s (promotional)', (_label, input) => {
		const issue = issueFrom(() => buildSendPlan({ ...input, smsFallback: true, smsText: 'SMS' }));
		expect(issue.parameter).toBe('SMS Fallback');
		expect(issue.problem).toBe('is only available for transactional text messages');
		expect(issue.fix).toBe(
			"Set 'Category' to 'Transactional' with a text-only message kind, or turn off 'SMS Fallback'.",
		);
	});

	it.each([[''], ['   '], [undefined]])('needs an SMS text (%j)', (smsText) => {
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, smsFallback: true, smsText }));
		expect(issue.parameter).toBe('SMS Text');
		expect(issue.problem).toBe('is empty');
		expect(issue.fix).toBe(
			"Enter the SMS to send when Viber does not deliver, or turn off 'SMS Fallback'.",
		);
	});

	it('accepts exactly 160 GSM-7 characters', () => {
		const smsText = 'a'.repeat(160);
		expect(buildSendPlan({ ...TEXT, smsFallback: true, smsText }).body.text_sms).toBe(smsText);
	});

	it('refuses 161 plain characters and says how many to cut, naming no character the text lacks', () => {
		const issue = issueFrom(() =>
			buildSendPlan({ ...TEXT, smsFallback: true, smsText: 'a'.repeat(161) }),
		);
		expect(issue.parameter).toBe('SMS Text');
		expect(issue.problem).toBe(
			'is 161 characters long as an SMS, 1 more than the 160 that fit into one',
		);
		expect(issue.fix).toBe('Cut at least 1 character.');
	});

	it('counts € twice against the limit of 160 and names only the double characters present', () => {
		// 150 letters + 6 euro signs = 162 although only 156 characters
		const issue = issueFrom(() =>
			buildSendPlan({ ...TEXT, smsFallback: true, smsText: `${'a'.repeat(150)}€€€€€€` }),
		);
		expect(issue.problem).toBe(
			"is 162 characters long as an SMS, 2 more than the 160 that fit into one ('€' counts as two characters)",
		);
		expect(issue.fix).toBe("Cut at least 2 characters; each '€' you remove saves two.");
	});

	it('lists several double characters in the order they appear, each once', () => {
		const issue = issueFrom(() =>
			buildSendPlan({ ...TEXT, smsFallback: true, smsText: `[${'a'.repeat(150)}]{}[]` }),
		);
		expect(issue.problem).toBe(
			"is 162 characters long as an SMS, 2 more than the 160 that fit into one ('[', ']', '{' and '}' each count as two characters)",
		);
		expect(issue.fix).toBe(
			"Cut at least 2 characters; each '[', ']', '{' or '}' you remove saves two.",
		);
	});

	it('accepts exactly 70 Cyrillic characters', () => {
		const smsText = 'й'.repeat(70);
		expect(buildSendPlan({ ...TEXT, smsFallback: true, smsText }).body.text_sms).toBe(smsText);
	});

	it('refuses 71 characters with a Cyrillic letter, in plain words naming the letter that lowers the limit', () => {
		const issue = issueFrom(() =>
			buildSendPlan({ ...TEXT, smsFallback: true, smsText: `Code ${'й'.repeat(66)}` }),
		);
		expect(issue.parameter).toBe('SMS Text');
		expect(issue.problem).toBe(
			"is 71 characters long as an SMS, 1 more than the 70 that fit into one because of 'й' (a text with Cyrillic letters, emoji or other characters beyond basic Latin fits only 70 characters into one SMS)",
		);
		expect(issue.fix).toBe(
			"Cut at least 1 character, or replace 'й' and every other such character to get up to 160.",
		);
		expect(`${issue.problem} ${issue.fix}`).not.toMatch(/GSM|UCS/);
	});

	it('counts an emoji as two characters and says so', () => {
		const issue = issueFrom(() =>
			buildSendPlan({ ...TEXT, smsFallback: true, smsText: `${'a'.repeat(69)}😀` }),
		);
		expect(issue.problem).toBe(
			"is 71 characters long as an SMS, 1 more than the 70 that fit into one because of '😀' (a text with Cyrillic letters, emoji or other characters beyond basic Latin fits only 70 characters into one SMS; an emoji counts as two)",
		);
	});
});

describe('buildSendPlan: validity period', () => {
	it.each([
		[40, 40],
		[21600, 21600],
		[3600, 3600],
		['180', 180],
	])('accepts %j as %d seconds', (value, seconds) => {
		expect(buildSendPlan({ ...TEXT, validityPeriod: value }).body.validity_period).toBe(seconds);
	});

	it.each([[undefined], [null], ['']])('omits validity_period for %j', (value) => {
		expect(buildSendPlan({ ...TEXT, validityPeriod: value }).body).not.toHaveProperty(
			'validity_period',
		);
	});

	it.each([
		[39, '39'],
		[21601, '21601'],
		[0, '0'],
		[-40, '-40'],
		[40.5, '40.5'],
		['abc', 'abc'],
	])('refuses %j', (value, shown) => {
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, validityPeriod: value }));
		expect(issue.parameter).toBe('Validity Period');
		expect(issue.problem).toBe(`${shown} is not a whole number of seconds from 40 to 21600`);
		expect(issue.fix).toBe(VALIDITY_FIX);
	});

	it('refuses an out-of-range value also with SMS fallback', () => {
		const issue = issueFrom(() =>
			buildSendPlan({ ...TEXT, smsFallback: true, smsText: 'x', validityPeriod: 30 }),
		);
		expect(issue.parameter).toBe('Validity Period');
	});
});

describe('buildSendPlan: callback URL and secret', () => {
	it('uses the item Callback URL unchanged when there is no secret', () => {
		const plan = buildSendPlan({ ...TEXT, callbackUrl: ' https://hooks.example.com/webhook/dt ' });
		expect(plan.body.callback_url).toBe('https://hooks.example.com/webhook/dt');
	});

	it('omits callback_url when neither the item nor the credential has one', () => {
		expect(
			buildSendPlan({ ...TEXT, callbackUrl: '', credentials: { defaultCallbackUrl: '' } }).body,
		).not.toHaveProperty('callback_url');
	});

	it('uses the Default Callback URL from the credential when the item has none', () => {
		const plan = buildSendPlan({
			...TEXT,
			callbackUrl: '  ',
			credentials: { defaultCallbackUrl: 'https://n8n.example.com/webhook/default' },
		});
		expect(plan.body.callback_url).toBe('https://n8n.example.com/webhook/default');
	});

	it("prefers the item's Callback URL over the credential's default", () => {
		const plan = buildSendPlan({
			...TEXT,
			callbackUrl: 'https://n8n.example.com/webhook/item',
			credentials: { defaultCallbackUrl: 'https://n8n.example.com/webhook/default' },
		});
		expect(plan.body.callback_url).toBe('https://n8n.example.com/webhook/item');
	});

	it('appends the callback secret as the secret query parameter', () => {
		const plan = buildSendPlan({
			...TEXT,
			callbackUrl: 'https://n8n.example.com/webhook/dt',
			credentials: {
				callbackSecret: fakeSecret('s3cret'),
				previousCallbackSecret: fakeSecret('old'),
			},
		});
		expect(plan.body.callback_url).toBe(
			`https://n8n.example.com/webhook/dt?secret=${fakeSecret('s3cret')}`,
		);
		expect(new URL(plan.body.callback_url as string).searchParams.get('secret')).toBe(
			fakeSecret('s3cret'),
		);
	});

	it('appends the secret to the credential default URL too, keeping existing parameters', () => {
		const plan = buildSendPlan({
			...TEXT,
			credentials: {
				defaultCallbackUrl: 'https://n8n.example.com/webhook/dt?source=viber',
				callbackSecret: fakeSecret('a&b=c d/é'),
			},
		});
		const url = new URL(plan.body.callback_url as string);
		expect(url.searchParams.get('source')).toBe('viber');
		expect(url.searchParams.get('secret')).toBe(fakeSecret('a&b=c d/é'));
		expect(plan.body.callback_url).toBe(
			`https://n8n.example.com/webhook/dt?source=viber&secret=a%26b%3Dc+d%2F%C3%A9-${fakeSecret('').slice(1)}`,
		);
	});

	it('replaces a secret parameter already in the URL', () => {
		const plan = buildSendPlan({
			...TEXT,
			callbackUrl: 'https://n8n.example.com/webhook/dt?secret=old',
			credentials: { callbackSecret: fakeSecret('new') },
		});
		expect(plan.body.callback_url).toBe(
			`https://n8n.example.com/webhook/dt?secret=${fakeSecret('new')}`,
		);
	});

	it.each([
		[{ callbackSecret: 'abc' }, 'Callback Secret (in the DecisionTelecom API credential)'],
		[
			{ callbackSecret: '0123456789abcde' },
			'Callback Secret (in the DecisionTelecom API credential)',
		],
		[
			{ callbackSecret: fakeSecret('long'), previousCallbackSecret: 'short' },
			'Previous Callback Secret (in the DecisionTelecom API credential)',
		],
	])(
		'refuses a secret shorter than 16 characters before anything is sent: %j',
		(credentials, parameter) => {
			const issue = issueFrom(() =>
				buildSendPlan({ ...TEXT, callbackUrl: 'https://n8n.example.com/webhook/dt', credentials }),
			);
			expect(issue.parameter).toBe(parameter);
			expect(issue.problem).toBe('is shorter than 16 characters');
			for (const value of Object.values(credentials))
				expect(JSON.stringify(issue)).not.toContain(`'${value}'`);
			expect(`${issue.message} ${issue.fix}`).not.toMatch(
				/'abc'|'short'|0123456789abcde|long-test/,
			);
		},
	);

	it('accepts a secret of exactly 16 characters, and ignores a short secret when no callback URL is sent', () => {
		expect(
			buildSendPlan({
				...TEXT,
				callbackUrl: 'https://h.example/x',
				credentials: { callbackSecret: ['01234567', '89abcdef'].join('') },
			}).body.callback_url,
		).toBe('https://h.example/x?secret=0123456789abcdef');
		expect(
			buildSendPlan({ ...TEXT, credentials: { callbackSecret: 'abc' } }).body,
		).not.toHaveProperty('callback_url');
	});

	it.each([
		['not a url', "'not a url' is not a valid URL"],
		[
			'ftp://n8n.example.com/hook',
			"'ftp://n8n.example.com/hook' must start with http:// or https://",
		],
		['n8n.example.com/hook', "'n8n.example.com/hook' is not a valid URL"],
	])('rejects the item Callback URL %j', (callbackUrl, problem) => {
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, callbackUrl }));
		expect(issue.parameter).toBe('Callback URL');
		expect(issue.problem).toBe(problem);
		expect(issue.fix).toBe(CALLBACK_FIX);
	});

	it('names the credential when its Default Callback URL is invalid', () => {
		const issue = issueFrom(() =>
			buildSendPlan({ ...TEXT, credentials: { defaultCallbackUrl: 'mailto:ops@example.com' } }),
		);
		expect(issue.parameter).toBe('Default Callback URL (in the credential)');
		expect(issue.problem).toBe("'mailto:ops@example.com' must start with http:// or https://");
		expect(issue.fix).toBe(CALLBACK_FIX);
	});

	it.each([
		['an invalid item URL', { callbackUrl: 'ftp://n8n.example.com/hook' }],
		['an invalid default URL', { defaultUrl: 'not a url' }],
		['an invalid validity', { callbackUrl: 'https://n8n.example.com/hook', validityPeriod: 5 }],
		['an invalid recipient', { callbackUrl: 'https://n8n.example.com/hook', recipient: 'x' }],
	])('never puts the secret into the error for %s', (_label, extra) => {
		const marker = ['Top', 'Marker', '9f8e7d'].join('-');
		const { defaultUrl, ...rest } = extra as { defaultUrl?: string };
		const credentials = { callbackSecret: marker, defaultCallbackUrl: defaultUrl };
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, ...rest, credentials }));
		expect(issue.message).not.toContain(marker);
		expect(issue.problem).not.toContain(marker);
		expect(issue.fix).not.toContain(marker);
		expect(issue.parameter).not.toContain(marker);
	});
});

describe('buildSendPlan: sender, recipient and text', () => {
	it('trims the sender and accepts 20 characters', () => {
		expect(buildSendPlan({ ...TEXT, sender: `  ${'S'.repeat(20)}  ` }).body.source_addr).toBe(
			'S'.repeat(20),
		);
	});

	it('refuses a sender of 21 characters', () => {
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, sender: 'S'.repeat(21) }));
		expect(issue.parameter).toBe('Sender');
		expect(issue.problem).toBe('is 21 characters long; the limit is 20');
		expect(issue.fix).toBe(
			'Use the sender name agreed with DecisionTelecom (at most 20 characters).',
		);
	});

	it.each([[''], ['  '], [undefined], [null]])('refuses an empty sender (%j)', (sender) => {
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, sender }));
		expect(issue.parameter).toBe('Sender');
		expect(issue.problem).toBe('is empty');
		expect(issue.fix).toBe('Enter the Viber sender name agreed with DecisionTelecom.');
	});

	it('normalises the recipient and reports a bad one as Recipient', () => {
		expect(buildSendPlan({ ...TEXT, recipient: '00380504444444' }).body.destination_addr).toBe(
			'380504444444',
		);
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, recipient: '0504444444' }));
		expect(issue.parameter).toBe('Recipient');
		expect(issue.problem).toBe("'0504444444' has no country code");
	});

	it('keeps the text exactly as given (not trimmed)', () => {
		expect(buildSendPlan({ ...TEXT, text: '  Hello\n' }).body.text).toBe('  Hello\n');
	});

	it('accepts 1000 characters of text and refuses 1001', () => {
		expect(buildSendPlan({ ...TEXT, text: 'x'.repeat(1000) }).body.text).toHaveLength(1000);
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, text: 'x'.repeat(1001) }));
		expect(issue.parameter).toBe('Text');
		expect(issue.problem).toBe('is 1001 characters long; the limit is 1000');
		expect(issue.fix).toBe('Shorten the message text to 1000 characters.');
	});

	it('counts an emoji as one character of Viber text', () => {
		const text = '😀'.repeat(1000);
		expect(buildSendPlan({ ...TEXT, text }).body.text).toBe(text);
	});

	it.each([[''], [' \n '], [undefined]])('refuses empty text (%j)', (text) => {
		const issue = issueFrom(() => buildSendPlan({ ...TEXT, text }));
		expect(issue.parameter).toBe('Text');
		expect(issue.problem).toBe('is empty');
		expect(issue.fix).toBe('Enter the message text.');
	});

	it('ignores image and button fields for text-only kinds', () => {
		const plan = buildSendPlan({
			...TEXT,
			imageUrl: 'nonsense',
			buttonCaption: 'x'.repeat(99),
			buttonUrl: 'x',
		});
		expect(plan.body).not.toHaveProperty('image');
		expect(plan.body).not.toHaveProperty('button_caption');
		expect(plan.body).not.toHaveProperty('button_action');
	});
});

describe('buildSendPlan: image and button', () => {
	it.each([
		'https://cdn.example.com/a.jpg',
		'https://cdn.example.com/a.jpeg',
		'https://cdn.example.com/a.png',
		'http://cdn.example.com/path/IMG.JPG',
		'https://cdn.example.com/a.png?v=2#top',
	])('accepts the image URL %s', (imageUrl) => {
		expect(buildSendPlan({ ...IMAGE, imageUrl }).body.image).toBe(imageUrl);
	});

	it.each([
		[
			'https://cdn.example.com/a.gif',
			"'https://cdn.example.com/a.gif' does not end in .jpg, .jpeg or .png",
		],
		[
			'https://cdn.example.com/a.jpg.html',
			"'https://cdn.example.com/a.jpg.html' does not end in .jpg, .jpeg or .png",
		],
		[
			'https://cdn.example.com/image?format=.png',
			"'https://cdn.example.com/image?format=.png' does not end in .jpg, .jpeg or .png",
		],
		[
			'ftp://cdn.example.com/a.jpg',
			"'ftp://cdn.example.com/a.jpg' must start with http:// or https://",
		],
		['cdn.example.com/a.jpg', "'cdn.example.com/a.jpg' is not a valid URL"],
		['', 'is empty'],
	])('refuses the image URL %j', (imageUrl, problem) => {
		const issue = issueFrom(() => buildSendPlan({ ...IMAGE, imageUrl }));
		expect(issue.parameter).toBe('Image URL');
		expect(issue.problem).toBe(problem);
		expect(issue.fix).toBe(IMAGE_FIX);
	});

	it('trims the button caption and accepts 30 characters', () => {
		expect(
			buildSendPlan({ ...IMAGE, buttonCaption: ` ${'B'.repeat(30)} ` }).body.button_caption,
		).toBe('B'.repeat(30));
	});

	it('refuses a button caption of 31 characters', () => {
		const issue = issueFrom(() => buildSendPlan({ ...IMAGE, buttonCaption: 'B'.repeat(31) }));
		expect(issue.parameter).toBe('Button Caption');
		expect(issue.problem).toBe('is 31 characters long; the limit is 30');
		expect(issue.fix).toBe('Shorten the button caption to 30 characters.');
	});

	it('refuses an empty button caption', () => {
		const issue = issueFrom(() => buildSendPlan({ ...IMAGE, buttonCaption: ' ' }));
		expect(issue.parameter).toBe('Button Caption');
		expect(issue.problem).toBe('is empty');
		expect(issue.fix).toBe('Enter the text shown on the button.');
	});

	it.each([
		['javascript:alert(1)', "'javascript:alert(1)' must start with http:// or https://"],
		['www.example.com', "'www.example.com' is not a valid URL"],
		['', 'is empty'],
	])('refuses the button URL %j', (buttonUrl, problem) => {
		const issue = issueFrom(() => buildSendPlan({ ...IMAGE, buttonUrl }));
		expect(issue.parameter).toBe('Button URL');
		expect(issue.problem).toBe(problem);
		expect(issue.fix).toBe('Enter the http(s) link the button opens.');
	});

	it('accepts an http button URL of any path', () => {
		expect(
			buildSendPlan({ ...IMAGE, buttonUrl: 'http://example.com/shop?x=1' }).body.button_action,
		).toBe('http://example.com/shop?x=1');
	});
});

describe('checkHttpUrl', () => {
	it('returns the trimmed URL', () => {
		expect(checkHttpUrl('  https://example.com/a  ', 'X', 'fix')).toBe('https://example.com/a');
	});

	it('names the given parameter and fix', () => {
		const issue = issueFrom(() => checkHttpUrl('file:///etc/passwd', 'Some URL', 'Do better.'));
		expect(issue.parameter).toBe('Some URL');
		expect(issue.problem).toBe("'file:///etc/passwd' must start with http:// or https://");
		expect(issue.fix).toBe('Do better.');
	});
});

describe('LIMITS', () => {
	it('matches the documented limits', () => {
		expect(LIMITS).toEqual({
			sender: 20,
			text: 1000,
			buttonCaption: 30,
			validityMin: 40,
			validityMax: 21600,
		});
	});
});
