// Read-only SQL on an instance's SQLite database, with n8n's own sqlite3 module.
import { runWithN8nModules } from './runtime.mjs';

const QUERY = `
const sqlite3 = require('sqlite3');
const [file, sql, params] = [process.argv[1], process.argv[2], JSON.parse(process.argv[3])];
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
  if (err) { console.error(err.message); process.exit(2); }
  db.configure('busyTimeout', 5000);
  db.all(sql, params, (e, rows) => {
    if (e) { console.error(e.message); process.exit(3); }
    process.stdout.write(JSON.stringify(rows));
    db.close();
  });
});`;

/** Rows as objects. */
export function sqlQuery(runtime, dbFile, sql, params = []) {
	return JSON.parse(
		runWithN8nModules(runtime, QUERY, [dbFile, sql, JSON.stringify(params)], 'sql'),
	);
}
