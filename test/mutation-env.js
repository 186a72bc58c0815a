// Under mutation testing every surviving mutant reruns the tests that reach it: fewer generated
// cases keep that within hours; `npm test` runs the full numbers.
process.env.DECISIONTELECOM_GENERATED_RUNS_SCALE = '0.1';
