import { SECRET_REUSE_MS, SecretsCache } from '../../nodes/DecisionTelecom/trigger/secrets';
import type { CallbackSecrets } from '../../nodes/DecisionTelecom/shared/callbackSecret';
import { DecisionTelecomTrigger } from '../../nodes/DecisionTelecom/DecisionTelecomTrigger.node';
import { createContext } from './context';

const OLD = 'Sup3r-s3cret-callback-value';
const NEW = 'N3w-s3cret-callback-value-2';
const secrets = (current: string): CallbackSecrets => ({ current, accepted: [current] });

describe('SecretsCache: a credential is read once per reuse time, counted on a fake clock', () => {
	let now = 1_000_000;
	const clock = () => now;

	it('reuses the secrets within the reuse time and reads again after it', async () => {
		const cache = new SecretsCache(clock, 5000);
		const read = jest.fn().mockResolvedValueOnce(secrets(OLD)).mockResolvedValueOnce(secrets(NEW));
		expect((await cache.get('c', read)).current).toBe(OLD);
		now += 4999;
		expect((await cache.get('c', read)).current).toBe(OLD);
		expect(read).toHaveBeenCalledTimes(1);
		now += 1;
		expect((await cache.get('c', read)).current).toBe(NEW);
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('reads once for callbacks that arrive together', async () => {
		const cache = new SecretsCache(clock, 5000);
		const read = jest.fn().mockResolvedValue(secrets(OLD));
		const all = await Promise.all(Array.from({ length: 20 }, () => cache.get('c', read)));
		expect(all.every((s) => s.current === OLD)).toBe(true);
		expect(read).toHaveBeenCalledTimes(1);
	});

	it('keeps credentials apart', async () => {
		const cache = new SecretsCache(clock, 5000);
		await cache.get('a', async () => secrets(OLD));
		expect((await cache.get('b', async () => secrets(NEW))).current).toBe(NEW);
	});

	it('does not keep a failed read: the waiting callbacks fail, the next one reads again', async () => {
		const cache = new SecretsCache(clock, 5000);
		const read = jest
			.fn()
			.mockRejectedValueOnce(new Error('cannot decrypt'))
			.mockResolvedValueOnce(secrets(OLD));
		const together = [cache.get('c', read), cache.get('c', read)];
		await expect(together[0]).rejects.toThrow('cannot decrypt');
		await expect(together[1]).rejects.toThrow('cannot decrypt');
		expect((await cache.get('c', read)).current).toBe(OLD);
		expect(read).toHaveBeenCalledTimes(2);
	});
});

describe('DecisionTelecomTrigger: secrets reused across callbacks', () => {
	const trigger = new DecisionTelecomTrigger();
	const C2 = '{"message_id":429,"status":1}';

	beforeEach(() => jest.useFakeTimers({ now: 0 }));
	afterEach(() => jest.useRealTimers());

	async function callback(secret: string, given: string) {
		const { ctx, res, getCredentials } = createContext({
			rawBody: C2,
			secret,
			query: { secret: given },
			credentialId: 'shared',
		});
		const result = await trigger.webhook.call(ctx);
		return {
			started: result.workflowData !== undefined,
			status: res.status.mock.calls[0]?.[0],
			getCredentials,
		};
	}

	it('reads the credential once per reuse time, still refuses a wrong secret, and applies a changed secret after it', async () => {
		const first = await callback(OLD, OLD);
		expect(first).toMatchObject({ started: true });
		expect(first.getCredentials).toHaveBeenCalledTimes(1);

		const forged = await callback(OLD, 'forged-secret-value-123');
		expect(forged).toMatchObject({ started: false, status: 401 });
		expect(forged.getCredentials).not.toHaveBeenCalled();

		jest.setSystemTime(SECRET_REUSE_MS);
		const rotatedAway = await callback(NEW, OLD);
		expect(rotatedAway).toMatchObject({ started: false, status: 401 });
		expect(rotatedAway.getCredentials).toHaveBeenCalledTimes(1);
		expect(await callback(NEW, NEW)).toMatchObject({ started: true });
	});
});
