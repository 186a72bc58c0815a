// The single-instance scenarios (../scenarios) talk to `n8n`: its base URL, public API, database
// and a restart. In queue mode they get this stand-in: Production URLs and callbacks go to the
// webhook process, the API is main's, SQL runs on PostgreSQL, and a restart restarts the webhook
// process (the one that receives the callbacks).
import { startHelper } from '../../../scripts/n8n/queue.mjs';
import { pollUntil } from '../../../scripts/n8n/wait.mjs';

export function queueFacade(cluster) {
	const { main, webhook } = cluster;
	return {
		runtime: main.runtime,
		baseUrl: cluster.webhookUrl,
		get api() {
			return main.api;
		},
		get cookie() {
			return main.cookie;
		},
		sql: (query) => cluster.sql(query),
		async webhooksRegistered(workflowIds) {
			for (const id of workflowIds)
				await pollUntil(
					() =>
						cluster.sql(`select 1 from webhook_entity where "workflowId" = '${id}'`).length > 0 ||
						undefined,
					{ what: `no webhook of ${id} registered`, timeoutMs: 30000 },
				);
		},
		stop: () => webhook.stop(),
		start: () => startHelper(webhook),
	};
}
