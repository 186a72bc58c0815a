import type { IExecuteFunctions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

/** Whether a raw parameter value holds an expression anywhere (lists are objects too). */
function containsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(containsExpression);
	return false;
}

function rawValue(parameters: INodeParameters, path: string): unknown {
	let value: unknown = parameters;
	// Indexing text or a number gives undefined, as a missing key does.
	for (const key of path.split('.')) value = (value as Record<string, unknown> | null)?.[key];
	return value;
}

/**
 * Reads node parameters for many items. A parameter without an expression has the same value for
 * every item, so it is read once per run: n8n resolves every read through its expression
 * evaluator, which at volume costs more time than the request itself.
 */
export class ParameterReader {
	private readonly fixed = new Map<string, unknown>();
	/** Names known to hold an expression (getNode() copies the whole node, so ask once per name). */
	private readonly perItem = new Set<string>();

	constructor(private readonly context: IExecuteFunctions) {}

	get(name: string, itemIndex: number, fallback?: NodeParameterValueType | object): unknown {
		if (this.fixed.has(name)) return this.fixed.get(name);
		const value = this.context.getNodeParameter(name, itemIndex, fallback);
		if (this.perItem.has(name)) return value;
		if (containsExpression(rawValue(this.context.getNode().parameters, name)))
			this.perItem.add(name);
		else this.fixed.set(name, value);
		return value;
	}
}
