// The jest setup for `npm run test:mutation`: the unit, node and trigger tests. The fault-injection
// suites run the same code against the mock API with real pauses; they are slow per mutant and
// add no mutant kills of their own on the mutated files. The fuzz and property tests run fewer
// cases per mutant (test/mutation-env.js). Type checking is `npm test`'s job: here ts-jest only
// transpiles (tsconfig.mutation.json), which halves every test run.
const base = require('./jest.config');

// `MUTATION_TESTS=test/trigger,test/node/sendAndWaitWebhook.test.ts` runs only those suites (a
// folder or a file each): a quicker run whose score is a lower bound of the full one.
const only = (process.env.MUTATION_TESTS ?? '').split(',').filter((path) => path.trim() !== '');
const onlyMatch = only.map((path) =>
	path.endsWith('.ts') ? `<rootDir>/${path}` : `<rootDir>/${path}/**/*.test.ts`,
);

// On n8n's Node with its modules named (scripts/test-mutation.mjs sets DECISIONTELECOM_N8N_MODULES),
// the Send Once Per Key tests against n8n's own deduplication store (test/dedupe) run too.
const withStore = Boolean(process.env.DECISIONTELECOM_N8N_MODULES);
const ignored = base.testPathIgnorePatterns.filter(
	(pattern) => !withStore || pattern !== '/test/dedupe/',
);

module.exports = {
	...base,
	// The sources are roots too, so that Stryker's related-tests filter (stryker.config.json) can
	// follow a test's imports to the mutated file and load only those suites for each mutant.
	roots: [...base.roots, '<rootDir>/nodes', '<rootDir>/credentials'],
	testPathIgnorePatterns: [...ignored, '/test/faults/'],
	testMatch: onlyMatch.length > 0 ? onlyMatch : base.testMatch,
	setupFiles: [...base.setupFiles, '<rootDir>/test/mutation-env.js'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.mutation.json' }],
	},
};
