// The browser of the UI suite: Debian's Chromium driven by playwright-core (never a downloaded
// browser build), one page, screenshots of each step, and a watch on console errors that come from
// our package. Every request to a host other than 127.0.0.1 is aborted, so nothing leaves the
// machine; the editor's own calls to the npm registry then fail, which is n8n's and is ignored.
import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { onCleanup } from '../../scripts/n8n/cleanup.mjs';
import { PKG } from '../e2e/fixtures.mjs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function chromiumPath() {
	const found = [process.env.DECISIONTELECOM_UI_CHROMIUM, ...CANDIDATES].find(
		(file) => file && fs.existsSync(file),
	);
	if (!found)
		throw new Error(
			'Chromium not found: install the Debian package (apt-get install -y chromium) or set DECISIONTELECOM_UI_CHROMIUM',
		);
	return found;
}

const isLocal = (url) => /^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(url);

/** A console error is ours when it names the package or a URL of the package on this n8n. */
function isOurs(text, url) {
	if (url && !isLocal(url)) return false;
	return new RegExp(`${PKG}|decisionTelecom`, 'i').test(`${text} ${url ?? ''}`);
}

export async function openBrowser({ screensDir, stepTimeoutMs }) {
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	onCleanup(() => browser.close());
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(stepTimeoutMs);
	await page.route(
		(url) => !isLocal(url.href),
		(route) => route.abort(),
	);
	const ourErrors = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && isOurs(message.text(), message.location().url))
			ourErrors.push(`${message.text()} (${message.location().url})`);
	});
	page.on('pageerror', (error) => {
		if (isOurs(`${error.message} ${error.stack}`)) ourErrors.push(error.message);
	});
	page.on('response', (response) => {
		if (response.status() >= 400 && isOurs('', response.url()))
			ourErrors.push(`HTTP ${response.status()} ${response.url()}`);
	});
	fs.rmSync(screensDir, { recursive: true, force: true });
	fs.mkdirSync(screensDir, { recursive: true });
	let shot = 0;
	return {
		page,
		ourErrors,
		/** Saves a screenshot of the page as <screensDir>/NN-<name>.png. */
		screenshot: (name) =>
			page.screenshot({
				path: path.join(screensDir, `${String(++shot).padStart(2, '0')}-${name}.png`),
			}),
	};
}
