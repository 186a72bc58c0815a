// bench/results.md, section 4: callbacks per second and p95 answer time of each receiver, with
// the ratio of the DecisionTelecom Trigger to the core Webhook row that checks as much.
import { CALLBACK_CONCURRENCY, N_CALLBACKS, N_REPLIES } from './settings.mjs';

const f1 = (n) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');

// ours without a secret against the core node without auth; with a secret against Header Auth
const MATCHING_CORE = {
	'DecisionTelecom Trigger, no Callback Secret': "n8n's Webhook node, no auth",
	'DecisionTelecom Trigger, Callback Secret': "n8n's Webhook node, Header Auth",
};

function row(r, rows) {
	const core = rows.find((c) => c.kind === r.kind && c.label === MATCHING_CORE[r.label]);
	const rate = core ? r.perSecond / core.perSecond : NaN;
	const p95 = core ? r.p95Ms / core.p95Ms : NaN;
	const target = core ? (rate >= 0.95 && p95 <= 1.1 ? 'met' : 'missed') : '–';
	const ratios = core ? `${f2(rate)}× | ${f2(p95)}×` : '– | –';
	return `| ${r.label} | ${r.kind} | ${f1(r.perSecond)} | ${(r.p50Ms / 1000).toFixed(2)} | ${(r.p95Ms / 1000).toFixed(2)} | ${ratios} | ${r.ok}/${r.count} | ${r.succeeded}/${r.executions} | ${f1(r.allFinishedSeconds)} | ${target} |`;
}

export function callbacksReport(results) {
	return [
		`## 4. Callbacks: ${N_CALLBACKS} delivery-status callbacks, then ${N_REPLIES} 2-way replies, ${CALLBACK_CONCURRENCY} at a time`,
		'',
		'Each receiver is alone in a published workflow that saves every execution (SQLite). The bench client POSTs one callback per request over keep-alive ' +
			`connections, ${CALLBACK_CONCURRENCY} in flight, and measures each answer; all executions a row started have finished before the next row begins. ` +
			'Statuses carry a `message_id` above 2^53, replies a `message_token` and `tracking_data`. ' +
			"n8n's Webhook node answers immediately (Respond: Immediately); the DecisionTelecom Trigger answers an empty 200 once it has checked the secret and the body. " +
			'Ratios compare the DecisionTelecom Trigger with the core row that checks as much: without a secret against no auth, with a Callback Secret against ' +
			"Header Auth (n8n's own credential check). Targets: at least 0.95× the callbacks per second, p95 at most 1.1×. " +
			'"All finished" is the time from the first POST until the last execution had finished (polled every 250 ms).',
		'',
		'| Receiver | Callbacks | Per second | p50 (s) | p95 (s) | Rate vs core | p95 vs core | Answered 200 | Executions succeeded | All finished (s) | Target |',
		'|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
		...results.s4.map((r) => row(r, results.s4)),
		'',
	];
}
