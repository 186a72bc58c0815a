// `npm run test:dedupe`: the Send Once Per Key node tests against n8n's own deduplication store.
// They need the installed n8n and its Node 24 (see scripts/test-dedupe.mjs), so `npm test` skips them.
const base = require('./jest.config');

module.exports = {
	...base,
	roots: ['<rootDir>/test/dedupe'],
	testPathIgnorePatterns: ['/node_modules/'],
};
