import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import type {
	DecisionTelecomType,
	OperationExecute,
	OperationTable,
	OperationWebhook,
	WaitingOperationTable,
} from './node.type';
import * as oneTimeCode from './oneTimeCode/OneTimeCode.resource';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';
import * as sms from './sms/Sms.resource';
import * as viberMessage from './viberMessage/ViberMessage.resource';

const operations: OperationTable = {
	viberMessage: {
		send: viberMessage.send.execute,
		getStatus: viberMessage.getStatus.execute,
		sendAndWaitForDelivery: viberMessage.sendAndWaitForDelivery.execute,
		sendAndWaitForReply: viberMessage.sendAndWaitForReply.execute,
	},
	sms: {
		send: sms.send.execute,
		getStatus: sms.getStatus.execute,
	},
	phoneNumber: {
		lookUp: phoneNumber.lookUp.execute,
	},
	oneTimeCode: {
		sendCode: oneTimeCode.sendCode.execute,
		checkCode: oneTimeCode.checkCode.execute,
	},
};

const waitingOperations: WaitingOperationTable = {
	viberMessage: {
		sendAndWaitForDelivery: viberMessage.sendAndWaitForDelivery.webhook,
		sendAndWaitForReply: viberMessage.sendAndWaitForReply.webhook,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { resource, operation } = {
		resource: this.getNodeParameter('resource', 0),
		operation: this.getNodeParameter('operation', 0),
	} as DecisionTelecomType;
	// The table is complete by type; this guards against parameters saved by hand or by an AI agent.
	const execute = (operations[resource] as Record<string, OperationExecute> | undefined)?.[
		operation
	];
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation '${operation}' of '${resource}' is not supported`,
		);
	}
	return [await execute.call(this, this.getInputData())];
}

/** A callback to a waiting node, handed to the operation that put the execution to wait. */
export async function webhookRouter(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { resource, operation } = {
		resource: this.getNodeParameter('resource'),
		operation: this.getNodeParameter('operation'),
	} as DecisionTelecomType;
	const webhook = (waitingOperations[resource] as Record<string, OperationWebhook> | undefined)?.[
		operation
	];
	if (!webhook) {
		this.getResponseObject().status(404).send('Not Found').end();
		return { noWebhookResponse: true };
	}
	return await webhook.call(this);
}
