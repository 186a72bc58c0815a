import { DecisionTelecomTrigger } from '../../nodes/DecisionTelecom/DecisionTelecomTrigger.node';
import { createContext } from './context';

// Version 1.1 only spares n8n a per-request expression; n8n then leaves the body of content types
// it does not parse unread, so the trigger reads it itself and behaves exactly as version 1.
describe('DecisionTelecomTrigger 1.1: the body n8n did not read', () => {
	const trigger = new DecisionTelecomTrigger();
	const STATUS = '{"message_id":12345678901234567890,"status":1}';
	const GUARD = 'Sup3r-s3cret-callback-value';

	it('offers 1 and 1.1, 1.1 for new nodes', () => {
		expect(trigger.description.version).toEqual([1, 1.1]);
		expect(trigger.description.defaultVersion).toBe(1.1);
	});

	it('reads a body n8n left unread (no or unknown content type) and keeps every digit of the id', async () => {
		const { ctx, request } = createContext({
			unreadBody: STATUS,
			contentType: 'application/octet-stream',
		});
		const result = await trigger.webhook.call(ctx);
		expect(request.readRawBody).toHaveBeenCalledTimes(1);
		expect(result.workflowData?.[0][0].json.messageId).toBe('12345678901234567890');
	});

	it('does not read again what n8n has read', async () => {
		const { ctx, request } = createContext({ rawBody: STATUS, contentType: 'application/json' });
		await trigger.webhook.call(ctx);
		expect(request.readRawBody).not.toHaveBeenCalled();
	});

	it('leaves multipart bodies to n8n, which has consumed the stream', async () => {
		const { ctx, request, res } = createContext({
			body: { message_id: '429', status: '1' },
			contentType: 'multipart/form-data',
		});
		const result = await trigger.webhook.call(ctx);
		expect(request.readRawBody).not.toHaveBeenCalled();
		expect(res.status).not.toHaveBeenCalled();
		expect(result.workflowData?.[0][0].json.messageId).toBe('429');
	});

	it('still refuses a too large unread body with 413 and a forged one with 401', async () => {
		const big = createContext({
			unreadBody: `[${'{"message_id":1,"status":1},'.repeat(40000)}{}]`,
		});
		await trigger.webhook.call(big.ctx);
		expect(big.res.status).toHaveBeenCalledWith(413);
		const forged = createContext({
			unreadBody: STATUS,
			secret: GUARD,
			query: { secret: 'forged' },
		});
		await trigger.webhook.call(forged.ctx);
		expect(forged.res.status).toHaveBeenCalledWith(401);
		expect(forged.request.readRawBody).not.toHaveBeenCalled();
	});
});
