// The queue-mode checks, in the order they run (../queue.mjs). Each exports `run(context)`
// (context = { check, cluster, n8n, mock, netlog }; `n8n` is ./facade.mjs), optionally
// `workflows()`, `publish` and `phase = 'after'` (runs once the n8n processes have stopped, with
// the database still up). The trigger and Send and Wait come from the single-instance suite.
import * as sendAndWait from '../scenarios/send-and-wait.mjs';
import * as trigger from '../scenarios/trigger.mjs';
import * as kill from './kill.mjs';
import * as ranWhere from './ran-where.mjs';
import * as secrets from './secrets.mjs';
import * as sends from './sends.mjs';

export default [sends, trigger, sendAndWait, ranWhere, kill, secrets];
