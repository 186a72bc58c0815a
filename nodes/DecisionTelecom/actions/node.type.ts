import type { AllEntities, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** Every resource of the DecisionTelecom node and its operations. */
interface DecisionTelecomNodeMap {
	viberMessage: 'send' | 'getStatus';
}

export type DecisionTelecomType = AllEntities<DecisionTelecomNodeMap>;

export type OperationExecute = (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;

/** One execute function per resource and operation: a missing or extra one does not compile. */
export type OperationTable = {
	[Resource in keyof DecisionTelecomNodeMap]: Record<DecisionTelecomNodeMap[Resource], OperationExecute>;
};
