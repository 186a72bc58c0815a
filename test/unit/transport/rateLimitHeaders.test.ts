import {
	announcedLimit,
	headerValue,
	retryAfterMs,
} from '../../../nodes/DecisionTelecom/transport/rateLimitHeaders';

const NOW = Date.parse('2026-11-27T02:00:00.000Z');

describe('retryAfterMs', () => {
	it.each([
		[{ 'Retry-After': '0' }, 0],
		[{ 'Retry-After': '10' }, 10000],
		[{ 'retry-after': '1.5' }, 1500],
		[{ 'RETRY-AFTER': ['2'] }, 2000],
		[{ 'Retry-After': ' 2.25 ' }, 2250],
		[{ 'Retry-After': 'Fri, 27 Nov 2026 02:00:30 GMT' }, 30000],
		[{ 'Retry-After': 'Fri, 27 Nov 2026 01:59:00 GMT' }, 0],
		[{ 'X-Rate-Limit-Reset': '12' }, 12000],
		[{ 'x-ratelimit-reset': '0.5' }, 500],
		[{ 'X-Rate-Limit-Reset': String(NOW / 1000 + 9) }, 9000],
		[{ 'X-Rate-Limit-Reset': String(NOW / 1000 - 9) }, 0],
		[{ 'Retry-After': '3', 'X-Rate-Limit-Reset': '12' }, 3000],
		[{ 'Retry-After': 'soon', 'X-Rate-Limit-Reset': '12' }, 12000],
	])('%j -> %d ms', (headers, expected) => {
		expect(retryAfterMs(headers, NOW)).toBe(expected);
	});

	it.each([
		{},
		{ 'Retry-After': 'soon' },
		{ 'Retry-After': '-1' },
		{ 'X-Rate-Limit-Reset': 'x' },
		{ 'Retry-After': [] },
	])('%j -> undefined', (headers) => {
		expect(retryAfterMs(headers, NOW)).toBeUndefined();
	});
});

describe('announcedLimit (X-Rate-Limit-Limit per X-Rate-Limit-Reset seconds, Yii2 style)', () => {
	it.each([
		[
			{ 'X-Rate-Limit-Limit': '100', 'X-Rate-Limit-Reset': '1' },
			{ requests: 100, windowMs: 1000 },
		],
		[
			{ 'x-rate-limit-limit': '30', 'x-rate-limit-reset': '60' },
			{ requests: 30, windowMs: 60000 },
		],
		[
			{ 'X-RateLimit-Limit': ['5'], 'X-RateLimit-Reset': ['0.5'] },
			{ requests: 5, windowMs: 500 },
		],
	])('%j -> %j', (headers, limit) => {
		expect(announcedLimit(headers)).toEqual(limit);
	});

	it.each([
		{},
		{ 'X-Rate-Limit-Limit': '100' },
		{ 'X-Rate-Limit-Reset': '1' },
		{ 'X-Rate-Limit-Limit': '0', 'X-Rate-Limit-Reset': '1' },
		{ 'X-Rate-Limit-Limit': '100', 'X-Rate-Limit-Reset': '0' },
		{ 'X-Rate-Limit-Limit': 'many', 'X-Rate-Limit-Reset': '1' },
		{ 'X-Rate-Limit-Limit': '100', 'X-Rate-Limit-Reset': '1795742349' },
	])('ignores %j', (headers) => {
		expect(announcedLimit(headers)).toBeUndefined();
	});
});

describe('headerValue', () => {
	it('finds a header whatever its case and takes the first of repeated values', () => {
		expect(headerValue({ 'Retry-After': ['3', '4'] }, 'retry-after')).toBe('3');
		expect(headerValue({ 'x-a': 5 }, 'x-a')).toBe('5');
		expect(headerValue({ 'x-a': null }, 'x-a')).toBeUndefined();
	});
});
