// Resident memory of a process and all its descendants (n8n and its task runner), from /proc.
import fs from 'node:fs';

const PAGE = 4096;

function processTree(rootPid) {
	const parent = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parent.set(Number(entry), Number(fields[1]));
		} catch {
			/* gone */
		}
	}
	const tree = [rootPid];
	for (let i = 0; i < tree.length; i++)
		for (const [pid, ppid] of parent) if (ppid === tree[i]) tree.push(pid);
	return tree;
}

/** Bytes. */
export function treeRss(rootPid) {
	let total = 0;
	for (const pid of processTree(rootPid)) {
		try {
			total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
		} catch {
			/* gone */
		}
	}
	return total;
}

/** Samples every `everyMs`; the returned function stops and gives the peak in bytes. */
export function rssSampler(rootPid, everyMs = 100) {
	let peak = treeRss(rootPid);
	const timer = setInterval(() => {
		peak = Math.max(peak, treeRss(rootPid));
	}, everyMs);
	return () => {
		clearInterval(timer);
		return Math.max(peak, treeRss(rootPid));
	};
}
