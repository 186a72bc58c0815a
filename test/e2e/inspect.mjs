// Reading results: the items in n8n's execution data, and what the mock received.
import assert from 'node:assert/strict';

/** The JSON of the items a node output in a run (`n8n execute` or the public API). */
export function nodeOutput(run, nodeName) {
	const runData = run?.data?.resultData?.runData ?? {};
	if (!runData[nodeName])
		throw new Error(`node '${nodeName}' did not run; executed: ${Object.keys(runData).join(', ')}`);
	return (runData[nodeName][0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

export function runError(run) {
	return run?.data?.resultData?.error;
}

export function assertNoRunError(run) {
	assert.equal(runError(run), undefined, `execution failed: ${JSON.stringify(runError(run))}`);
}

/** The request body the mock received is exactly `expected`. */
export function bodyEquals(record, expected) {
	assert.ok(record, 'the mock received no matching request');
	assert.equal(record.parseError, undefined, `body is not JSON: ${record.rawBody}`);
	assert.deepEqual(record.body, expected, `body sent: ${record.rawBody}`);
}

/** The message id the mock handed out for a request to `recipient`. */
export function messageIdSentTo(requests, recipient) {
	return requests.find((r) => r.body?.destination_addr === recipient)?.messageId;
}

export function pick(object, keys) {
	return Object.fromEntries(keys.map((k) => [k, object?.[k]]));
}

/** Runs `checkOne(name, spec)` for each entry and fails once, listing every entry that failed. */
export function eachSpec(specs, checkOne) {
	const problems = [];
	for (const [name, spec] of Object.entries(specs)) {
		try {
			checkOne(name, spec);
		} catch (err) {
			problems.push(`${name}: ${err.message}`);
		}
	}
	assert.deepEqual(problems, []);
}
