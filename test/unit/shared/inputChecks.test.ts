import { numberOf } from '../../../nodes/DecisionTelecom/shared/inputChecks';

describe('numberOf: a numeric parameter as a number', () => {
	test.each([
		[5, 5],
		[-1.5, -1.5],
		['12', 12],
		[' 7 ', 7],
		['0', 0],
	])('%j is %j', (value, number) => {
		expect(numberOf(value)).toBe(number);
	});

	// Number() would make 0 of the first four and 5 of the array.
	test.each([[''], ['  '], [null], [undefined], [[5]], [true], ['abc'], [{}]])(
		'%j is not a number',
		(value) => {
			expect(numberOf(value)).toBeNaN();
		},
	);
});
