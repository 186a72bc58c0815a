import {
	isLookupResult,
	lookupOutput,
} from '../../../nodes/DecisionTelecom/actions/phoneNumber/lookupResult';

const success = {
	id: 2345234,
	phone: 38061122121,
	mcc: '255',
	mnc: '06',
	network: 'Lifecell',
	ported: false,
	status: 0,
	error: 0,
	type: 'mobile',
	present: 'yes',
	status_message: 'Success',
};

const facts = (result?: Record<string, unknown>) => ({
	phoneNumber: '38061122121',
	lookupId: '2345234',
	lookupStatus: 'Accepted',
	result,
});

describe('isLookupResult', () => {
	test.each([
		[success, true],
		[{ id: 1, status: 1, status_message: 'Invalid Number' }, true],
		[{ id: 1, status: '2' }, true],
		[{ id: 1, status: 0 }, false],
		[{ id: 1, status: 'sent' }, false],
		[{ id: 1, status: 'Accepted' }, false],
		[{ id: 1 }, false],
	])('%j: %s', (entry, ready) => {
		expect(isLookupResult(entry)).toBe(ready);
	});
});

describe('lookupOutput', () => {
	test('a reachable mobile, simplified to ten fields', () => {
		expect(lookupOutput(facts(success), true)).toEqual({
			phoneNumber: '38061122121',
			ready: true,
			reachableMobile: true,
			mobile: true,
			reachable: true,
			ported: false,
			network: 'Lifecell',
			mcc: '255',
			mnc: '06',
			statusName: 'success',
		});
	});

	test('the full view keeps the API fields, the lookup id and the raw entry', () => {
		expect(lookupOutput(facts(success), false)).toEqual({
			phoneNumber: '38061122121',
			ready: true,
			reachableMobile: true,
			mobile: true,
			reachable: true,
			ported: false,
			network: 'Lifecell',
			mcc: '255',
			mnc: '06',
			statusName: 'success',
			numberType: 'mobile',
			present: 'yes',
			status: 0,
			statusMessage: 'Success',
			errorCode: 0,
			lookupId: '2345234',
			lookupStatus: null,
			raw: success,
		});
	});

	test.each([
		[{ present: 'no' }, { reachableMobile: false, reachable: false, mobile: true }],
		[{ present: 'na' }, { reachableMobile: false, reachable: null, mobile: true }],
		[{ type: 'fixed' }, { reachableMobile: false, reachable: true, mobile: false }],
		[{ type: 'Mobile', present: 'YES' }, { reachableMobile: true }],
		[{ ported: true }, { ported: true, reachableMobile: true }],
		[{ ported: null }, { ported: null }],
		[{ ported: 'true' }, { ported: true }],
		[
			{ mcc: 255, mnc: 6 },
			{ mcc: '255', mnc: '6' },
		],
	])('%j gives %j', (change, expected) => {
		expect(lookupOutput(facts({ ...success, ...change }), true)).toMatchObject(expected);
	});

	test.each([
		[1, 'Invalid Number', 'invalid number'],
		[2, 'Not allowed country', 'country not allowed'],
		[7, undefined, 'unknown (7)'],
	])('status %i is %s: a result, not a reachable mobile', (status, message, statusName) => {
		const output = lookupOutput(
			facts({ id: 1, phone: 38061122121, status, status_message: message }),
			false,
		);
		expect(output).toMatchObject({
			ready: true,
			reachableMobile: false,
			statusName,
			mobile: null,
			reachable: null,
			network: null,
			status,
		});
	});

	test('without a result: ready false, not a reachable mobile, with the reason', () => {
		expect(lookupOutput({ ...facts(), notReadyDetail: 'No result within 30 s.' }, true)).toEqual({
			phoneNumber: '38061122121',
			ready: false,
			reachableMobile: false,
			mobile: null,
			reachable: null,
			ported: null,
			network: null,
			mcc: null,
			mnc: null,
			statusName: null,
			detail: 'No result within 30 s.',
		});
		expect(lookupOutput(facts(), false)).toMatchObject({
			lookupId: '2345234',
			lookupStatus: 'Accepted',
			raw: null,
		});
	});
});
