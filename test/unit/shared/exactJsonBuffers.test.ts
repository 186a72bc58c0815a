// Its own file: the reader's scratch Buffers live in the module, and jest gives each file a fresh one.
import { parseExactJson } from '../../../nodes/DecisionTelecom/shared/exactJson';

const SCRATCH_LIMIT = 8 * 1024 * 1024;
const BIG_ID = '9007199254740993';

/** An ASCII JSON text of exactly `length` characters holding one id above 2^53. */
function bodyOfLength(length: number): string {
	const frame = `[${BIG_ID},""]`.length;
	return `[${BIG_ID},"${'a'.repeat(length - frame)}"]`;
}

/** The sizes of the Buffers allocated while reading `text`, which must read exactly. */
function allocationsReading(text: string): number[] {
	const allocate = jest.spyOn(Buffer, 'allocUnsafe');
	try {
		const read = parseExactJson(text) as [string, string];
		expect(read[0]).toBe(BIG_ID);
		expect(read[1]).toHaveLength(text.length - `[${BIG_ID},""]`.length);
		return allocate.mock.calls.map(([size]) => size);
	} finally {
		allocate.mockRestore();
	}
}

// The tests share that module state and run in order.
describe('parseExactJson Buffers (garbage a big heap would have to collect on every callback)', () => {
	it('allocates a source and an output Buffer once, and at most about 12% more for the output', () => {
		const text = bodyOfLength(1000);
		const [source, out] = allocationsReading(text);
		expect(allocationsReading(text)).toEqual([]);
		expect(source).toBe(1000);
		expect(out).toBeGreaterThanOrEqual(1000 + 2);
		expect(out).toBeLessThanOrEqual(1000 * 1.12 + 2);
	});

	it('reuses them for texts of the same size or shorter, and grows them for longer ones', () => {
		expect(allocationsReading(bodyOfLength(1000))).toEqual([]);
		expect(allocationsReading(bodyOfLength(400))).toEqual([]);
		expect(allocationsReading(bodyOfLength(1001))).toHaveLength(2);
		expect(allocationsReading(bodyOfLength(1001))).toEqual([]);
	});

	it('keeps Buffers for a text of exactly the 8 MiB limit, and none for a longer one', () => {
		expect(allocationsReading(bodyOfLength(SCRATCH_LIMIT))).toHaveLength(2);
		expect(allocationsReading(bodyOfLength(SCRATCH_LIMIT))).toEqual([]);
		const huge = bodyOfLength(SCRATCH_LIMIT + 1);
		expect(allocationsReading(huge)).toHaveLength(2);
		expect(allocationsReading(huge)).toHaveLength(2);
		expect(allocationsReading(bodyOfLength(SCRATCH_LIMIT))).toEqual([]);
	});
});
