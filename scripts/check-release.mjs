#!/usr/bin/env node
// What can be checked here of the release path n8n requires (publishing from GitHub Actions with
// npm provenance): the workflow files are valid YAML and publish with an OIDC token, the packed
// package holds exactly dist/, the README, the licence and package.json, and package.json's
// repository, homepage, bugs and author all name the same GitHub repository. Part of `npm run lint`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'yaml';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];
const check = (ok, problem) => ok || problems.push(problem);

function checkWorkflows() {
	const dir = path.join(root, '.github', 'workflows');
	for (const file of fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))) {
		let workflow;
		try {
			workflow = parse(fs.readFileSync(path.join(dir, file), 'utf8'), {
				strict: true,
				uniqueKeys: true,
			});
		} catch (error) {
			problems.push(`${file} is not valid YAML: ${error.message}`);
			continue;
		}
		check(workflow?.on && workflow?.jobs, `${file} has no 'on' or no 'jobs'`);
	}
	const publish = parse(fs.readFileSync(path.join(dir, 'publish.yml'), 'utf8'));
	const job = publish.jobs?.publish;
	check(
		job?.permissions?.['id-token'] === 'write',
		'publish.yml must grant id-token: write (npm provenance)',
	);
	check(
		job?.steps?.some((step) => /npm run release/.test(step.run ?? '')),
		'publish.yml must run `npm run release`',
	);
}

function checkPackedFiles(pkg) {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const files = packed.files.map((file) => file.path);
	const extra = files.filter(
		(file) =>
			!file.startsWith('dist/') && !['README.md', 'LICENSE.md', 'package.json'].includes(file),
	);
	check(extra.length === 0, `the package would also hold: ${extra.join(', ')}`);
	for (const required of [
		'README.md',
		'LICENSE.md',
		'package.json',
		...pkg.n8n.nodes,
		...pkg.n8n.credentials,
	]) {
		check(files.includes(required), `the package would miss ${required} (run npm run build first)`);
	}
}

function checkRepository(pkg) {
	const match = /^(?:git\+)?https:\/\/github\.com\/([^/]+)\/([^/.]+)(?:\.git)?$/.exec(
		pkg.repository?.url ?? '',
	);
	if (!check(match, `repository.url is not a GitHub URL: ${pkg.repository?.url}`)) return;
	const [, owner, repo] = match;
	const base = `https://github.com/${owner}/${repo}`;
	check(
		repo === pkg.name,
		`the repository (${repo}) and the package (${pkg.name}) have different names`,
	);
	check(pkg.homepage?.startsWith(base), `homepage does not point at ${base}`);
	check(pkg.bugs?.url === `${base}/issues`, `bugs.url is not ${base}/issues`);
	check(
		pkg.author?.url === `https://github.com/${owner}`,
		`author.url is not https://github.com/${owner}`,
	);
	check(pkg.author?.name && /@/.test(pkg.author?.email ?? ''), 'author needs a name and an email');
	check(pkg.license === 'MIT', 'the licence must be MIT');
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
checkWorkflows();
checkPackedFiles(pkg);
checkRepository(pkg);
if (problems.length > 0) {
	console.error(`release check: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log('release check: passed (workflows, packed files, repository and author)');
