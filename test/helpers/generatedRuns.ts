/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** How many generated cases a fuzz or property test runs: all of them, or a tenth under mutation testing. */
export function generatedRuns(runs: number): number {
	const scale = Number(process.env.DECISIONTELECOM_GENERATED_RUNS_SCALE ?? '1');
	return Math.max(50, Math.round(runs * scale));
}
