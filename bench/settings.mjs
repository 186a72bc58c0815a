// What the benchmark measures, and with which settings. DECISIONTELECOM_BENCH_QUICK=1 (fewer
// items) and DECISIONTELECOM_BENCH_ONLY=1,2 (some sections) are for trying the script, not for results.
export const QUICK = process.env.DECISIONTELECOM_BENCH_QUICK === '1';
export const ONLY = (process.env.DECISIONTELECOM_BENCH_ONLY || '1,2,3').split(',');

export const N_SEND = QUICK ? 200 : 1000;
export const N_MEMORY = QUICK ? [200, 2000] : [1000, 10000];
export const LATENCY_MS = 50;
export const RATE_LIMIT = 100;
export const CONCURRENCIES = [1, 5, 10, 20];
export const HTTP_BATCH = { batchSize: 20, batchInterval: 50 };
export const HTTP_RETRY = { maxTries: 3, waitBetweenTries: 1000 };
export const MEMORY_LATENCY_MS = 5;

export const ACCESS_KEY = 'benchAccessKey5d2e8a';
export const AUTHORIZATION = `Basic ${Buffer.from(ACCESS_KEY).toString('base64')}`;
export const OWNER = { email: 'bench-owner@example.com', password: 'Bench-owner-password-1' };
export const CRED = { id: 'dtBenchCredMock1', name: 'DecisionTelecom (bench mock)' };

const started = Date.now();
export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
