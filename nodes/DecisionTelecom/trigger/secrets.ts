import type { IWebhookFunctions } from 'n8n-workflow';

import { callbackSecretsOf, type CallbackSecrets } from '../shared/callbackSecret';
import { CREDENTIAL_TYPE } from '../transport';

/**
 * How long the trigger reuses a credential's callback secrets. Reading a credential costs n8n a
 * database query, a decryption and a fresh expression isolate for every callback; a changed or
 * rotated secret applies to callbacks within this time.
 */
export const SECRET_REUSE_MS = 5000;

interface Reading {
	secrets: Promise<CallbackSecrets>;
	readAt: number;
}

/** Callback secrets per credential, read at most once per `reuseMs`, however many callbacks wait. */
export class SecretsCache {
	private readonly readings = new Map<string, Reading>();

	constructor(
		private readonly now: () => number = () => Date.now(),
		private readonly reuseMs = SECRET_REUSE_MS,
	) {}

	/** The secrets of credential `id`; a read that fails is not kept, so the next callback reads again. */
	async get(id: string, read: () => Promise<CallbackSecrets>): Promise<CallbackSecrets> {
		const now = this.now();
		const kept = this.readings.get(id);
		if (kept && now - kept.readAt < this.reuseMs) return await kept.secrets;
		const secrets = read();
		this.readings.set(id, { secrets, readAt: now });
		secrets.catch(() => {
			if (this.readings.get(id)?.secrets === secrets) this.readings.delete(id);
		});
		return await secrets;
	}
}

const cache = new SecretsCache();

/**
 * The secrets a callback may carry. Only a credential that is set on the node is read, so one that
 * fails to load fails the call instead of silently accepting every callback.
 */
export async function acceptedSecrets(context: IWebhookFunctions): Promise<CallbackSecrets> {
	const credential = context.getNode().credentials?.[CREDENTIAL_TYPE];
	if (!credential) return { current: '', accepted: [] };
	const read = async () => callbackSecretsOf(await context.getCredentials(CREDENTIAL_TYPE));
	return await cache.get(credential.id ?? credential.name, read);
}
