import checkCode from '../../nodes/DecisionTelecom/__schema__/v1.0.0/oneTimeCode/checkCode.json';
import sendCode from '../../nodes/DecisionTelecom/__schema__/v1.0.0/oneTimeCode/sendCode.json';
import lookUp from '../../nodes/DecisionTelecom/__schema__/v1.0.0/phoneNumber/lookUp.json';
import smsGetStatus from '../../nodes/DecisionTelecom/__schema__/v1.0.0/sms/getStatus.json';
import smsSend from '../../nodes/DecisionTelecom/__schema__/v1.0.0/sms/send.json';
import { lookupOutput } from '../../nodes/DecisionTelecom/actions/phoneNumber/lookupResult';
import { buildSmsPlan, smsSendOutput } from '../../nodes/DecisionTelecom/actions/sms/smsMessage';

interface Schema {
	$schema: string;
	type: string;
	properties: Record<string, unknown>;
	required: string[];
}

const SCHEMAS: Record<string, Schema> = {
	'sms/send': smsSend as Schema,
	'sms/getStatus': smsGetStatus as Schema,
	'phoneNumber/lookUp': lookUp as Schema,
	'oneTimeCode/sendCode': sendCode as Schema,
	'oneTimeCode/checkCode': checkCode as Schema,
};

const schemaOf = (resource: string, operation: string) => SCHEMAS[`${resource}/${operation}`];

describe('output schemas (one output item of each operation)', () => {
	test.each([
		['sms', 'send'],
		['sms', 'getStatus'],
		['phoneNumber', 'lookUp'],
		['oneTimeCode', 'sendCode'],
		['oneTimeCode', 'checkCode'],
	])(
		'%s/%s is a draft-07 object schema whose required fields it describes',
		(resource, operation) => {
			const schema = schemaOf(resource, operation);
			expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
			expect(schema.type).toBe('object');
			for (const field of schema.required) expect(Object.keys(schema.properties)).toContain(field);
		},
	);

	test('Look Up: every field of both views is described', () => {
		const { properties } = schemaOf('phoneNumber', 'lookUp');
		const facts = { phoneNumber: '380636151111', lookupId: '1', lookupStatus: 'sent' };
		for (const simplify of [true, false]) {
			for (const key of Object.keys(lookupOutput(facts, simplify)))
				expect(properties).toHaveProperty(key);
		}
	});

	test('SMS Send: every field is described', () => {
		const { properties } = schemaOf('sms', 'send');
		const plan = buildSmsPlan({
			sender: 'InfoItd',
			recipient: '380632132121',
			text: 'Hi',
			validityPeriod: 60,
		});
		const output = smsSendOutput(plan, {
			message_data: [{ message_id: 1, part_count: 1, concat_part: 1, status: 'ACCEPTD' }],
		});
		for (const key of Object.keys(output)) expect(properties).toHaveProperty(key);
	});
});
