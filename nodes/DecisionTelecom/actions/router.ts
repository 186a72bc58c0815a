import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { DecisionTelecomType, OperationExecute, OperationTable } from './node.type';
import * as viberMessage from './viberMessage/ViberMessage.resource';

const operations: OperationTable = {
	viberMessage: { send: viberMessage.send.execute, getStatus: viberMessage.getStatus.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { resource, operation } = {
		resource: this.getNodeParameter('resource', 0),
		operation: this.getNodeParameter('operation', 0),
	} as DecisionTelecomType;
	// The table is complete by type; this guards against parameters saved by hand or by an AI agent.
	const execute = (operations[resource] as Record<string, OperationExecute> | undefined)?.[operation];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation '${operation}' of '${resource}' is not supported`);
	}
	return [await execute.call(this, this.getInputData())];
}
