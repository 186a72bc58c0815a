'use strict';
// Network log: loaded into every n8n process with NODE_OPTIONS="--require <this file>" (see
// scripts/n8n/instance.mjs, option netlog). Appends one JSON line per connection attempt or DNS
// lookup whose target is not loopback to $DT_NETLOG_FILE; an empty file proves nothing left
// 127.0.0.1. Each process also appends its PID to $DT_NETLOG_FILE.loaded, proof that it ran.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');

const file = process.env.DT_NETLOG_FILE;
if (file) {
	const isLoopback = (host) => {
		if (host === undefined || host === null || host === '') return true; // Node defaults to localhost
		const h = String(host)
			.replace(/^\[|\]$/g, '')
			.toLowerCase();
		return (
			h === 'localhost' ||
			h === '::1' ||
			h === '0.0.0.0' ||
			h === '::' ||
			/^127\./.test(h) ||
			/^::ffff:127\./.test(h)
		);
	};
	const record = (kind, target) => {
		try {
			const stack = (new Error().stack || '')
				.split('\n')
				.slice(3, 9)
				.map((l) => l.trim());
			fs.appendFileSync(
				file,
				`${JSON.stringify({ time: new Date().toISOString(), pid: process.pid, kind, target, stack })}\n`,
			);
		} catch {
			/* never break the process */
		}
	};

	try {
		// proof that the preload is active in this process
		fs.appendFileSync(`${file}.loaded`, `${process.pid} ${process.argv.slice(1, 3).join(' ')}\n`);
	} catch {
		/* ignore */
	}

	const originalConnect = net.Socket.prototype.connect;
	net.Socket.prototype.connect = function connect(...args) {
		try {
			let options = args[0];
			if (Array.isArray(options)) options = options[0]; // internal normalized form
			if (options && typeof options === 'object') {
				if (!options.path && !isLoopback(options.host))
					record('connect', `${options.host}:${options.port}`);
			} else if (
				typeof options === 'number' ||
				(typeof options === 'string' && /^\d+$/.test(options))
			) {
				const host = typeof args[1] === 'string' ? args[1] : undefined;
				if (!isLoopback(host)) record('connect', `${host}:${options}`);
			}
			// a string that is not a port is a Unix socket path: local
		} catch {
			/* ignore */
		}
		return originalConnect.apply(this, args);
	};

	const originalLookup = dns.lookup;
	dns.lookup = function lookup(hostname, ...rest) {
		if (!isLoopback(hostname)) record('dns.lookup', hostname);
		return originalLookup.call(this, hostname, ...rest);
	};
	const originalPromisesLookup = dns.promises.lookup;
	dns.promises.lookup = function lookup(hostname, ...rest) {
		if (!isLoopback(hostname)) record('dns.promises.lookup', hostname);
		return originalPromisesLookup.call(this, hostname, ...rest);
	};
}
