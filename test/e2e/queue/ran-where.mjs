// Where the trigger's and Send and Wait's executions ran: on the workers, never on main or the
// webhook process; a Send and Wait execution starts twice (sent, then resumed by the callback that
// reached the webhook process), both times on a worker.
import assert from 'node:assert/strict';

import { whereRan } from './placement.mjs';

const ids = (cluster, workflowId) =>
	cluster.sql(
		`select id, status from execution_entity where "workflowId" = '${workflowId}' order by id`,
	);

export async function run({ check, cluster }) {
	await check(
		'trigger executions (started by callbacks at the webhook process) ran on the workers',
		async () => {
			const ran = whereRan(cluster);
			const rows = [...ids(cluster, 'e2eTrigger'), ...ids(cluster, 'e2eTriggerStatus')];
			assert.ok(rows.length >= 3, JSON.stringify(rows));
			for (const { id } of rows)
				assert.match(String(ran[id]), /^worker\d$/, `execution ${id}: ${ran[id]}`);
		},
	);
	await check(
		'Send and Wait: sent on a worker, resumed by a callback at the webhook process, finished on a worker',
		async () => {
			const ran = whereRan(cluster);
			const resumed = [...ids(cluster, 'e2eWaitDelivery'), ...ids(cluster, 'e2eWaitReply')];
			assert.ok(
				resumed.length >= 2 && resumed.every((r) => r.status === 'success'),
				JSON.stringify(resumed),
			);
			for (const { id } of resumed) {
				assert.equal(ran[id]?.length, 2, `execution ${id} started ${JSON.stringify(ran[id])}`);
				assert.ok(
					ran[id].every((name) => name.startsWith('worker')),
					`execution ${id}: ${ran[id]}`,
				);
			}
			console.log(
				`        ${resumed.map(({ id }) => `${id}: ${ran[id].join(' then ')}`).join('; ')}`,
			);
		},
	);
}
