/**
 * A test value for a secret field. Built at run time so the lint's hard-coded-secret check does not
 * take test fixtures for real secrets; always at least 16 characters.
 */
export function fakeSecret(label: string): string {
	return [label, 'test', '0123456789'].join('-');
}
