import {
	readRunSettings,
	RUN_OPTIONS,
	runOptions,
} from '../../../nodes/DecisionTelecom/runner/runOptions';
import { InputIssue } from '../../../nodes/DecisionTelecom/shared/inputIssue';
import { thrownBy } from '../../helpers/runnerContext';

const issueOf = (options: Record<string, unknown>) =>
	thrownBy<InputIssue>(() => readRunSettings(options as never));

const FIXES: Record<string, string> = {
	maxConcurrentRequests:
		"Set 'Max Concurrent Requests' to a whole number of requests from 1 to 50, or remove the option to use 5.",
	rateLimitMaxWait:
		"Set 'Rate Limit Max Wait' to a number of seconds from 0 to 3600, or remove the option to use 120.",
	timeout: "Set 'Timeout' to a number of seconds from 1 to 600, or remove the option to use 30.",
};

describe('readRunSettings: every option checked at run time, whatever produced it', () => {
	it('uses the defaults when no option is set, or an expression gives null', () => {
		const defaults = { concurrency: 5, maxRateLimitWaitMs: 120000, timeoutMs: 30000 };
		expect(readRunSettings({})).toEqual(defaults);
		expect(
			readRunSettings({ maxConcurrentRequests: null, rateLimitMaxWait: null, timeout: null }),
		).toEqual(defaults);
	});

	it('accepts numbers and numeric strings (expressions give either)', () => {
		expect(
			readRunSettings({ maxConcurrentRequests: '10', rateLimitMaxWait: 2.5, timeout: ' 60 ' }),
		).toEqual({
			concurrency: 10,
			maxRateLimitWaitMs: 2500,
			timeoutMs: 60000,
		});
		expect(
			readRunSettings({ maxConcurrentRequests: 1, rateLimitMaxWait: 0, timeout: 600 }),
		).toEqual({
			concurrency: 1,
			maxRateLimitWaitMs: 0,
			timeoutMs: 600000,
		});
	});

	it.each([
		[
			'maxConcurrentRequests',
			100,
			'Options > Max Concurrent Requests',
			"'100' is not a whole number from 1 to 50",
		],
		[
			'maxConcurrentRequests',
			0,
			'Options > Max Concurrent Requests',
			"'0' is not a whole number from 1 to 50",
		],
		[
			'maxConcurrentRequests',
			2.5,
			'Options > Max Concurrent Requests',
			"'2.5' is not a whole number from 1 to 50",
		],
		[
			'maxConcurrentRequests',
			'five',
			'Options > Max Concurrent Requests',
			"'five' is not a whole number from 1 to 50",
		],
		[
			'rateLimitMaxWait',
			'abc',
			'Options > Rate Limit Max Wait',
			"'abc' is not a number from 0 to 3600",
		],
		[
			'rateLimitMaxWait',
			-1,
			'Options > Rate Limit Max Wait',
			"'-1' is not a number from 0 to 3600",
		],
		[
			'rateLimitMaxWait',
			Infinity,
			'Options > Rate Limit Max Wait',
			"'Infinity' is not a number from 0 to 3600",
		],
		['rateLimitMaxWait', '', 'Options > Rate Limit Max Wait', "'' is not a number from 0 to 3600"],
		['timeout', 'abc', 'Options > Timeout', "'abc' is not a number from 1 to 600"],
		['timeout', 0, 'Options > Timeout', "'0' is not a number from 1 to 600"],
		['timeout', true, 'Options > Timeout', "'true' is not a number from 1 to 600"],
	])('%s = %j is refused, naming the option', (name, value, parameter, problem) => {
		const issue = issueOf({ [name]: value });
		expect(issue).toBeInstanceOf(InputIssue);
		expect(issue.parameter).toBe(parameter);
		expect(issue.problem).toBe(problem);
		expect(issue.fix).toBe(FIXES[name]);
	});
});

describe('the Options form', () => {
	it('shows the same names, defaults and ranges the run enforces', () => {
		for (const property of runOptions.options as Array<{
			name: keyof typeof RUN_OPTIONS;
			displayName: string;
			default: number;
			typeOptions: { minValue: number; maxValue: number };
		}>) {
			const rule = RUN_OPTIONS[property.name];
			expect([
				property.displayName,
				property.default,
				property.typeOptions.minValue,
				property.typeOptions.maxValue,
			]).toEqual([rule.displayName, rule.default, rule.min, rule.max]);
		}
	});
});
