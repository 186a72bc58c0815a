import type { IExecuteFunctions, INode } from 'n8n-workflow';

/** The node the runner's unit tests report errors for. */
export const testNode: INode = {
	id: '1',
	name: 'DecisionTelecom',
	type: 'x',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A context with only what the runner's helpers read: the node and Continue On Fail. */
export function runnerContext(continueOnFail = false): IExecuteFunctions {
	return {
		getNode: () => testNode,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

/** What `run` throws; fails the test when it throws nothing. */
export function thrownBy<Thrown = Error>(run: () => unknown): Thrown {
	try {
		run();
	} catch (error) {
		return error as Thrown;
	}
	throw new Error('nothing was thrown');
}
