'use strict';
// Benchmark diagnostic only (bench/run.mjs): POSTs each input item's `body` to `url` with n8n's
// this.helpers.httpRequest, `concurrency` at a time, no parameter expressions per item, no
// credential lookup, no validation. It is the floor for any node sending requests through n8n.
Object.defineProperty(exports, '__esModule', { value: true });
exports.BenchFloor = void 0;

class BenchFloor {
	constructor() {
		this.description = {
			displayName: 'Bench Floor',
			name: 'benchFloor',
			group: ['transform'],
			version: 1,
			description: 'Benchmark diagnostic',
			defaults: { name: 'Bench Floor' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [
				{ displayName: 'URL', name: 'url', type: 'string', default: '' },
				{ displayName: 'Authorization', name: 'authorization', type: 'string', default: '' },
				{ displayName: 'Concurrency', name: 'concurrency', type: 'number', default: 5 },
			],
		};
	}

	async execute() {
		const items = this.getInputData();
		const url = this.getNodeParameter('url', 0);
		const authorization = this.getNodeParameter('authorization', 0);
		const concurrency = Number(this.getNodeParameter('concurrency', 0)) || 1;
		const out = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const i = next++;
				const j = items[i].json;
				const body = JSON.stringify({
					source_addr: 'Shop',
					destination_addr: j.recipient,
					message_type: 106,
					source_type: 2,
					text: `Order ${j.n} is ready`,
				});
				const res = await this.helpers.httpRequest({
					method: 'POST',
					url,
					body,
					headers: {
						Authorization: authorization,
						'Content-Type': 'application/json; charset=utf-8',
					},
					encoding: 'text',
					json: false,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				});
				out[i] = {
					json: { status: res.statusCode, body: String(res.body) },
					pairedItem: { item: i },
				};
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
		return [out];
	}
}
exports.BenchFloor = BenchFloor;
