// What the UI suite does in n8n's editor (2.41.1), by the editor's data-test-id attributes.
import assert from 'node:assert/strict';

const testId = (id) => `[data-test-id="${id}"]`;

export async function login(page, baseUrl, owner) {
	await page.goto(`${baseUrl}signin`);
	await page.fill('input[name="emailOrLdapLoginId"]', owner.email);
	await page.fill('input[name="password"]', owner.password);
	await page.click(testId('form-submit-button'));
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** Calls n8n's REST API from the page, as the editor does (its session and browser id). */
export async function rest(page, method, endpoint, body) {
	const answer = await page.evaluate(
		async ({ method, endpoint, body }) => {
			const response = await fetch(`/rest/${endpoint}`, {
				method,
				headers: {
					'content-type': 'application/json',
					'browser-id': localStorage.getItem('n8n-browserId') ?? '',
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: response.status, text: await response.text() };
		},
		{ method, endpoint, body },
	);
	assert.equal(answer.status, 200, `${method} /rest/${endpoint}: ${answer.text.slice(0, 300)}`);
	return JSON.parse(answer.text).data;
}

/** Searches the open node panel until it lists `name`; fails with what it lists. */
export async function searchNodes(page, words, name) {
	await page.fill(testId('node-creator-search-bar'), words);
	const names = page.locator(testId('node-creator-item-name'));
	try {
		await names
			.filter({ hasText: new RegExp(`^${name}$`) })
			.first()
			.waitFor();
	} catch (err) {
		throw new Error(
			`"${words}" lists ${JSON.stringify(await names.allInnerTexts())}: ${err.message}`,
		);
	}
}

export async function openWorkflow(page, baseUrl, id) {
	await page.goto(`${baseUrl}workflow/${id}`);
	await page.locator(testId('canvas-node')).first().waitFor();
}

export async function openNode(page, name) {
	await page.locator(testId('canvas-node')).filter({ hasText: name }).first().dblclick();
	await page.locator(testId('node-parameters')).waitFor();
}

export async function closeNode(page) {
	await page.click(testId('ndv-close-button'));
	await page.locator(testId('ndv')).waitFor({ state: 'hidden' });
}

const parameter = (page, name) => page.locator(testId(`parameter-input-${name}`));

/** Types into a text parameter (input or textarea) of the open node or credential. */
export async function fill(page, name, value) {
	const field = parameter(page, name).locator('input, textarea').first();
	await field.fill(value);
	await field.press('Tab');
}

/** Picks an option of an options parameter by the label the user sees. */
export async function choose(page, name, label) {
	await parameter(page, name).click();
	await page
		.locator('.el-select-dropdown__item:visible')
		// An option's text is its name followed by its description; "Text" must not pick "Text, …".
		.filter({ hasText: new RegExp(`^\\s*${label.replace(/[,()]/g, '\\$&')}(?!,)`) })
		.first()
		.click();
	await page.waitForFunction(
		({ selector, label }) =>
			document.querySelector(selector)?.querySelector('input')?.value === label,
		{ selector: testId(`parameter-input-${name}`), label },
	);
}

export async function toggle(page, name) {
	await parameter(page, name).locator('.el-switch, [role="switch"]').first().click();
}

export const parameterText = (page, name) => parameter(page, name).innerText();

/** Runs the open node with "Execute step" and resolves to the output panel's text once it shows a result. */
export async function executeStep(page, expected) {
	await page.click(testId('node-execute-button'));
	const output = page.locator(testId('output-panel'));
	await output.filter({ hasText: expected }).waitFor();
	return output.innerText();
}

export async function showOutputAsJson(page) {
	await page.locator(`${testId('output-panel')} ${testId('radio-button-json')}`).click();
}

export { testId };
