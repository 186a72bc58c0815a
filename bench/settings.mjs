// What the benchmark measures, and with which settings. Each setting below can be given as a flag
// (`npm run bench -- --callbacks=200`) or as DECISIONTELECOM_BENCH_<NAME> (CALLBACKS=200).
// QUICK (fewer items) and ONLY=1,2,5 (some sections) are for trying the script, not for results.
function setting(name, fallback) {
	const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
	const env = process.env[`DECISIONTELECOM_BENCH_${name.toUpperCase().replaceAll('-', '_')}`];
	const value = flag ? flag.slice(name.length + 3) : env;
	return value === undefined || value === '' ? fallback : value;
}

function count(name, fallback) {
	const n = Number(setting(name, fallback));
	if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: '${n}' is not a positive integer`);
	return n;
}

export const QUICK = setting('quick', '0') === '1';
export const ONLY = setting('only', '1,2,3,4,5').split(',');

export const N_SEND = QUICK ? 200 : 1000;
export const N_MEMORY = QUICK ? [200, 2000] : [1000, 10000];
export const LATENCY_MS = 50;
export const RATE_LIMIT = 100;
export const CONCURRENCIES = [1, 5, 10, 20];
export const HTTP_BATCH = { batchSize: 20, batchInterval: 50 };
export const HTTP_RETRY = { maxTries: 3, waitBetweenTries: 1000 };
/** Section 2's counterpart of the HTTP node's Retry On Fail row; its target is 0 duplicates. */
export const RETRY_COUNTERPART = 'DecisionTelecom node, Send Once Per Key, Rate Limit Max Wait 0 s';
export const MEMORY_LATENCY_MS = 5;

/** Section 4: status callbacks, then 2-way replies, posted `CALLBACK_CONCURRENCY` at a time. */
export const N_CALLBACKS = count('callbacks', QUICK ? 200 : 1000);
export const N_REPLIES = count('replies', QUICK ? 50 : 200);
export const CALLBACK_CONCURRENCY = count('callback-concurrency', 20);

export const ACCESS_KEY = 'benchAccessKey5d2e8a';
export const AUTHORIZATION = `Basic ${Buffer.from(ACCESS_KEY).toString('base64')}`;
export const OWNER = { email: 'bench-owner@example.com', password: 'Bench-owner-password-1' };
export const CRED = { id: 'dtBenchCredMock1', name: 'DecisionTelecom (bench mock)' };
export const CALLBACK_SECRET = 'benchCallbackSecret9c41e7a2';
export const CRED_SECRET = {
	id: 'dtBenchCredSecr1',
	name: 'DecisionTelecom (bench, callback secret)',
};
export const HEADER_AUTH = { name: 'X-Callback-Token', value: 'benchHeaderToken3f8d0b6e' };
export const CRED_HEADER = { id: 'benchHeaderAuth1', name: 'Header Auth (bench)' };

const started = Date.now();
export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
