// The jest setup for `npm run test:mutation`: the unit, node and trigger tests. The fault-injection
// suites run the same code against the mock API with real pauses; they are slow per mutant and
// add no mutant kills of their own on the mutated files.
const base = require('./jest.config');

module.exports = { ...base, testPathIgnorePatterns: [...base.testPathIgnorePatterns, '/test/faults/'] };
