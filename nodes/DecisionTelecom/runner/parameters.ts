import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	NodeParameterValueType,
} from 'n8n-workflow';

import { type FieldTemplate, fieldTemplate, fillFieldTemplate } from './itemFields';

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
 * evaluator, which at volume costs more time than the request itself. A parameter that only copies
 * item fields (itemFields.ts) is read from the item once n8n's evaluator has given the same value
 * for one item of the run; until then, and for any item it cannot fill, the evaluator reads it.
 */
export class ParameterReader {
	private readonly fixed = new Map<string, unknown>();
	/** Names known to hold an expression (getNode() copies the whole node, so ask once per name). */
	private readonly perItem = new Set<string>();
	/** Field templates not yet checked against the evaluator (undefined: n8n reads every item). */
	private readonly unchecked = new Map<string, FieldTemplate | undefined>();
	/** Field templates that gave the evaluator's value. */
	private readonly checked = new Map<string, FieldTemplate>();
	private items: INodeExecutionData[] | undefined;

	constructor(private readonly context: IExecuteFunctions) {}

	get(name: string, itemIndex: number, fallback?: NodeParameterValueType | object): unknown {
		if (this.fixed.has(name)) return this.fixed.get(name);
		const template = this.checked.get(name);
		const filled = template && fillFieldTemplate(template, this.itemJson(itemIndex));
		if (filled !== undefined) return filled;
		const value = this.context.getNodeParameter(name, itemIndex, fallback);
		if (this.perItem.has(name)) {
			this.check(name, itemIndex, value);
			return value;
		}
		const raw = rawValue(this.context.getNode().parameters, name);
		if (!containsExpression(raw)) {
			this.fixed.set(name, value);
			return value;
		}
		this.perItem.add(name);
		this.unchecked.set(name, fieldTemplate(raw));
		this.check(name, itemIndex, value);
		return value;
	}

	/** Keeps a field template once it gives the evaluator's value, drops it if it gives another. */
	private check(name: string, itemIndex: number, evaluated: unknown): void {
		const template = this.unchecked.get(name);
		const filled = template && fillFieldTemplate(template, this.itemJson(itemIndex));
		if (filled === undefined) return;
		this.unchecked.delete(name);
		if (filled === evaluated) this.checked.set(name, template as FieldTemplate);
	}

	private itemJson(itemIndex: number): unknown {
		this.items ??= this.context.getInputData();
		// the runner asks only for items of this input
		return this.items[itemIndex].json;
	}
}
