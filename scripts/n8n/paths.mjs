// Where things are: the repository, and the cache folder outside it that holds Node and n8n.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Cache folder (outside the git tree). Override with DECISIONTELECOM_N8N_CACHE. */
export function cacheRoot() {
	return path.resolve(
		process.env.DECISIONTELECOM_N8N_CACHE ||
			path.join(os.homedir(), '.cache', 'n8n-nodes-decisiontelecom'),
	);
}
