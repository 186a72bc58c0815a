/**
 * A problem with one item's input, found before anything is sent. `parameter` is the display
 * name the user sees in the node, `fix` says what to change.
 */
export class InputIssue extends Error {
	constructor(
		readonly parameter: string,
		readonly problem: string,
		readonly fix: string,
	) {
		super(`${parameter}: ${problem}`);
		this.name = 'InputIssue';
	}
}
