// The reference: a bare Node.js client (plain http, keep-alive) sending the same bodies with
// `concurrency` requests in flight.
import http from 'node:http';

import { AUTHORIZATION } from './settings.mjs';

const sendBody = (i) => ({
	source_addr: 'Shop',
	destination_addr: `3805${String(i).padStart(8, '0')}`,
	message_type: 106,
	source_type: 2,
	text: `Order ${i} is ready`,
});

function post(url, agent, i) {
	return new Promise((resolve, reject) => {
		const body = JSON.stringify(sendBody(i));
		const headers = {
			authorization: AUTHORIZATION,
			'content-type': 'application/json; charset=utf-8',
			'content-length': Buffer.byteLength(body),
		};
		const options = {
			host: url.hostname,
			port: url.port,
			path: url.pathname,
			method: 'POST',
			agent,
			headers,
		};
		const req = http.request(options, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode, text }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

/** Sends `count` messages; returns { seconds, ok }. */
export async function bareClient(mockUrl, count, concurrency) {
	const url = new URL(`${mockUrl}/v1/api/send-viber`);
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	let next = 0;
	let ok = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: Math.min(concurrency, count) }, async () => {
			while (next < count) {
				const r = await post(url, agent, next++);
				if (r.status === 200 && r.text.includes('message_id')) ok++;
			}
		}),
	);
	const seconds = (performance.now() - t0) / 1000;
	agent.destroy();
	return { seconds, ok };
}
