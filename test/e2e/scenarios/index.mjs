// The e2e scenarios, in the order they run. To add one, write a file here and list it below.
// A scenario file exports:
//   phase        'cli'    runs before the server starts, with `n8n execute` (n8n.execute(id));
//                'server' runs against the running server (n8n.api, n8n.baseUrl, n8n.cookie);
//                'after'  runs once the server has stopped (database, logs, network log)
//   workflows()  optional: { id: workflow } to import (build them with ../fixtures.mjs)
//   publish      optional: ids of workflows to make active before the server starts
//   run(context) its checks: context = { check, n8n, mock, netlog } (see ../run.mjs)
// The names below are what `npm run test:e2e -- --only <name,name>` selects.
import * as errors from './errors.mjs';
import * as packageLoads from './package.mjs';
import * as rateLimit from './rate-limit.mjs';
import * as secrets from './secrets.mjs';
import * as send from './send.mjs';
import * as sendAndWait from './send-and-wait.mjs';
import * as sendOnce from './send-once.mjs';
import * as status from './status.mjs';
import * as toolbox from './toolbox.mjs';
import * as trigger from './trigger.mjs';

export const byName = {
	send,
	status,
	errors,
	toolbox,
	'rate-limit': rateLimit,
	'send-once': sendOnce,
	package: packageLoads,
	trigger,
	'send-and-wait': sendAndWait,
	secrets,
};

export default Object.values(byName);
