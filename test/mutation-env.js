// Under mutation testing every surviving mutant reruns the tests that reach it: fewer generated
// cases keep that within hours; `npm test` runs the full numbers.
process.env.DECISIONTELECOM_GENERATED_RUNS_SCALE = '0.1';

// A mutant can leave a request running after its tests end (a retry the mutant caused); nock then
// fails it on a socket nobody listens to any more. Between two jest runs nothing catches that, and
// the whole test process would die and restart (about 20 s per mutant). While tests run, jest's own
// handler still takes such errors and fails the test, as in `npm test`.
const GUARD = 'mutationLateErrorGuard';
if (!process.listeners('uncaughtException').some((listener) => listener.name === GUARD)) {
	process.on('uncaughtException', { [GUARD]: () => {} }[GUARD]);
}
