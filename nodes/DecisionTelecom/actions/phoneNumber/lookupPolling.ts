import type { Clock } from '../../transport/clock';
import type { CallResult } from '../../transport';
import { lookupEntriesOf } from './api';
import { entryKeys, isLookupResult } from './lookupResult';

export interface Lookup {
	id: string;
	phone: string;
	/** The progress word of the lookup's last answer (e.g. "Accepted"). */
	lastStatus: string | null;
}

/** Reads the results of one lookup id, or of several in one request. */
export type ReadLookups = (ids: string[]) => Promise<CallResult>;

export interface PollOutcome {
	results: Map<string, Record<string, unknown>>;
	/** The last read that failed, as the user reads it. */
	lastFailure?: string;
}

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 10000;

/** Files the entries of one answer under their lookups: by id, else by phone, else the one asked for. */
function collect(body: unknown, asked: Lookup[], outcome: PollOutcome): void {
	for (const entry of lookupEntriesOf(body) ?? []) {
		const { id, phone } = entryKeys(entry);
		const lookup =
			asked.find((candidate) => candidate.id === id) ??
			asked.find((candidate) => candidate.phone === phone) ??
			(asked.length === 1 ? asked[0] : undefined);
		if (!lookup) continue;
		if (isLookupResult(entry)) outcome.results.set(lookup.id, entry);
		else if (typeof entry.status === 'string') lookup.lastStatus = entry.status;
	}
}

/**
 * Reads the lookups' results until every one has come or `maxWaitMs` has passed: at once, then
 * after 1, 2, 4, 8 and then every 10 seconds, the last read at the deadline. Several lookups are
 * read in one request (id=["1","2"]); if DecisionTelecom refuses that form, one request per id.
 * A read that fails only delays the result: reading never changes anything, and the lookups are
 * made already.
 */
export async function pollLookups(
	lookups: Lookup[],
	read: ReadLookups,
	clock: Clock,
	maxWaitMs: number,
): Promise<PollOutcome> {
	const outcome: PollOutcome = { results: new Map() };
	const deadline = clock.now() + maxWaitMs;
	let bulk = true;
	let delay = FIRST_DELAY_MS;
	for (;;) {
		const pending = lookups.filter((lookup) => !outcome.results.has(lookup.id));
		const rounds = bulk && pending.length > 1 ? [pending] : pending.map((lookup) => [lookup]);
		for (const asked of rounds) {
			const answer = await read(asked.map((lookup) => lookup.id));
			if (answer.ok) collect(answer.body, asked, outcome);
			else if (asked.length > 1 && answer.failure.refusal === 'invalidParameter') bulk = false;
			else outcome.lastFailure = answer.failure.message;
		}
		if (!bulk && rounds.length === 1 && rounds[0].length > 1) continue; // read them one by one now
		const now = clock.now();
		if (now >= deadline || lookups.every((lookup) => outcome.results.has(lookup.id)))
			return outcome;
		await clock.sleep(Math.min(delay, deadline - now));
		delay = Math.min(delay * 2, MAX_DELAY_MS);
	}
}
