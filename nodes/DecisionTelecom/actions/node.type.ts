import type {
	AllEntities,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/** Every resource of the DecisionTelecom node and its operations. */
interface DecisionTelecomNodeMap {
	viberMessage: 'send' | 'getStatus' | 'sendAndWaitForDelivery' | 'sendAndWaitForReply';
	sms: 'send' | 'getStatus';
	phoneNumber: 'lookUp';
	oneTimeCode: 'sendCode' | 'checkCode';
}

export type DecisionTelecomType = AllEntities<DecisionTelecomNodeMap>;

export type OperationExecute = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
) => Promise<INodeExecutionData[]>;

/** One execute function per resource and operation: a missing or extra one does not compile. */
export type OperationTable = {
	[Resource in keyof DecisionTelecomNodeMap]: Record<
		DecisionTelecomNodeMap[Resource],
		OperationExecute
	>;
};

export type OperationWebhook = (this: IWebhookFunctions) => Promise<IWebhookResponseData>;

/** The operations that pause the execution, each with the webhook that resumes it. */
export type WaitingOperationTable = Partial<{
	[Resource in keyof DecisionTelecomNodeMap]: Partial<
		Record<DecisionTelecomNodeMap[Resource], OperationWebhook>
	>;
}>;
