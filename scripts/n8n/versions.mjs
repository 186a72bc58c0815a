// The one place where the versions of the local n8n are pinned.
// When you change N8N_VERSION, regenerate scripts/n8n/app/package.json + package-lock.json
// with `node scripts/n8n/update-lock.mjs`.
export const NODE_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.1';
