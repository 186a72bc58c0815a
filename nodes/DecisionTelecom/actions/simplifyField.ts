import type { INodeProperties } from 'n8n-workflow';

/** The Simplify switch of the operations that read from DecisionTelecom (n8n's usual wording). */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};
