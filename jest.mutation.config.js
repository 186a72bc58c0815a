// The jest setup for `npm run test:mutation`: the unit, node and trigger tests. The fault-injection
// suites run the same code against the mock API with real pauses; they are slow per mutant and
// add no mutant kills of their own on the mutated files. The fuzz and property tests run fewer
// cases per mutant (test/mutation-env.js).
const base = require('./jest.config');

module.exports = {
	...base,
	testPathIgnorePatterns: [...base.testPathIgnorePatterns, '/test/faults/'],
	setupFiles: [...base.setupFiles, '<rootDir>/test/mutation-env.js'],
};
