// n8n's HTTP side: the owner's login, a public-API key, the public API, and its executions.
import { pollUntil } from './wait.mjs';

/** Logs in as the owner (a cookie) and creates a public-API key with every scope. */
export async function createApiKey(baseUrl, { email, password }, label) {
	const login = await fetch(`${baseUrl}rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	if (login.status !== 200)
		throw new Error(`login failed: HTTP ${login.status} ${await login.text()}`);
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const scopes = await (
		await fetch(`${baseUrl}rest/api-keys/scopes`, { headers: { cookie } })
	).json();
	const created = await fetch(`${baseUrl}rest/api-keys`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ label, expiresAt: null, scopes: scopes.data }),
	});
	const body = await created.json();
	if (!body.data?.rawApiKey) throw new Error(`API key creation failed: ${JSON.stringify(body)}`);
	return { apiKey: body.data.rawApiKey, cookie };
}

/** A caller of the public API (/api/v1/...): `api(pathname, { method, body })` resolves to JSON. */
export function publicApi(baseUrl, apiKey) {
	return async (pathname, { method = 'GET', body } = {}) => {
		const res = await fetch(`${baseUrl}api/v1/${pathname}`, {
			method,
			headers: {
				'X-N8N-API-KEY': apiKey,
				accept: 'application/json',
				'content-type': 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok)
			throw new Error(`${method} /api/v1/${pathname}: HTTP ${res.status} ${text.slice(0, 500)}`);
		return JSON.parse(text);
	};
}

/** Id of the newest execution of a workflow, 0 when there is none. */
export async function newestExecutionId(api, workflowId) {
	const { data } = await api(`executions?workflowId=${workflowId}&limit=1`);
	return Number(data[0]?.id ?? 0);
}

/** Waits until an execution of the workflow newer than `afterId` has finished; returns it with its data. */
export async function finishedExecution(
	api,
	workflowId,
	afterId,
	{ timeoutMs = 20000, everyMs = 250 } = {},
) {
	const id = await pollUntil(
		async () => {
			const [newest] = (await api(`executions?workflowId=${workflowId}&limit=1`)).data;
			const running = !newest?.stoppedAt || ['new', 'running'].includes(newest.status);
			return newest && Number(newest.id) > afterId && !running ? newest.id : undefined;
		},
		{ what: `no finished execution of ${workflowId}`, timeoutMs, everyMs },
	);
	return api(`executions/${id}?includeData=true`);
}
