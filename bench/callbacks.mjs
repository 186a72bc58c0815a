// Section 4's load: callbacks POSTed to a receiver `concurrency` at a time over keep-alive
// connections, like a provider pushing reports; each answer's time is recorded.
import http from 'node:http';

/** A delivery-status callback; ids above 2^53 as DecisionTelecom may send them. */
export const statusCallback = (i) =>
	`{"message_id":${9007199254740993n + BigInt(i)},"status":4,"sms_message_id":${36478 + i},"sms_message_status":2}`;

/** A customer's 2-way reply. */
export const replyCallback = (i) =>
	JSON.stringify({
		message_token: 44444444444444 + i,
		phone_number: `9725${String(i).padStart(8, '0')}`,
		time: 2121212121,
		message: { text: `Reply ${i}`, tracking_data: `tracking_id:${100000 + i}` },
	});

function post(url, agent, headers, body) {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const req = http.request(
			url,
			{
				method: 'POST',
				agent,
				headers: {
					...headers,
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
				},
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0 }));
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** POSTs body(0..count-1); returns { seconds, perSecond, p50Ms, p95Ms, ok } (ok: answered 200). */
export async function postCallbacks({ url, headers = {} }, count, concurrency, body) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const answers = [];
	let next = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: Math.min(concurrency, count) }, async () => {
			while (next < count) answers.push(await post(url, agent, headers, body(next++)));
		}),
	);
	const seconds = (performance.now() - t0) / 1000;
	agent.destroy();
	const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
	return {
		seconds,
		perSecond: count / seconds,
		p50Ms: percentile(sorted, 50),
		p95Ms: percentile(sorted, 95),
		ok: answers.filter((a) => a.status === 200).length,
	};
}
