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
 * The execution's custom data, which n8n saves with a waiting execution; undefined on an n8n that
 * does not offer it to nodes. n8n 1.x (checked on 1.123.81) offers it only to expressions, and a
 * value set through `$execution.customData` from a node is not saved with the waiting execution.
 */
function customDataOf(context: Context): CustomData | undefined {
	return (context as { customData?: CustomData }).customData;
}

/** Whether this n8n can keep the record with a waiting execution. */
export function canWaitHere(context: Context): boolean {
	return customDataOf(context) !== undefined;
}

/** Whether the record will fit: n8n drops a new key silently once 10 are used. */
export function canKeepWaitRecord(context: Context): boolean {
	const keys = Object.keys(customDataOf(context)?.getAll() ?? {});
	return keys.includes(waitRecordKey(context.getNode().id)) || keys.length < CUSTOM_DATA_LIMIT;
}

export function keepWaitRecord(context: Context, record: WaitRecord): void {
	customDataOf(context)?.set(
		waitRecordKey(context.getNode().id),
		`${record.messageId}:${record.recipient}`,
	);
}

export function readWaitRecord(context: Context): WaitRecord | undefined {
	const value = customDataOf(context)?.get(waitRecordKey(context.getNode().id));
	const match = typeof value === 'string' ? /^(\d+):(\d+)$/.exec(value) : null;
	return match ? { messageId: match[1], recipient: match[2] } : undefined;
}
