import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

/** What the waiting node needs to recognise its message's callbacks, kept with the execution. */
export interface WaitRecord {
	messageId: string;
	recipient: string;
}

// n8n keeps at most 10 custom data keys per execution, shared with the workflow's own.
const CUSTOM_DATA_LIMIT = 10;

type Context = IExecuteFunctions | IWebhookFunctions;

interface CustomData {
	get(key: string): unknown;
	set(key: string, value: string): void;
	getAll(): Record<string, unknown>;
}

/** The key of this node's record: letters, digits and _ only, as n8n requires. */
export function waitRecordKey(nodeId: string): string {
	return `decisionTelecom_${nodeId.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 50);
}

/**
 * The execution's custom data, which n8n saves with a waiting execution. n8n 2.x offers it on the
 * context; n8n 1.x only through the $execution.customData expression.
 */
function customDataOf(context: Context): CustomData {
	const direct = (context as { customData?: CustomData }).customData;
	if (direct) return direct;
	const evaluate = (expression: string) => context.evaluateExpression(`{{ ${expression} }}`, 0);
	return {
		get: (key) => evaluate(`$execution.customData.get(${JSON.stringify(key)})`),
		set: (key, value) => void evaluate(`$execution.customData.set(${JSON.stringify(key)}, ${JSON.stringify(value)})`),
		getAll: () => (evaluate('$execution.customData.getAll()') ?? {}) as Record<string, unknown>,
	};
}

/** Whether the record will fit: n8n drops a new key silently once 10 are used. */
export function canKeepWaitRecord(context: Context): boolean {
	const keys = Object.keys(customDataOf(context).getAll());
	return keys.includes(waitRecordKey(context.getNode().id)) || keys.length < CUSTOM_DATA_LIMIT;
}

export function keepWaitRecord(context: Context, record: WaitRecord): void {
	customDataOf(context).set(waitRecordKey(context.getNode().id), `${record.messageId}:${record.recipient}`);
}

export function readWaitRecord(context: Context): WaitRecord | undefined {
	const value = customDataOf(context).get(waitRecordKey(context.getNode().id));
	const match = typeof value === 'string' ? /^(\d+):(\d+)$/.exec(value) : null;
	return match ? { messageId: match[1], recipient: match[2] } : undefined;
}
