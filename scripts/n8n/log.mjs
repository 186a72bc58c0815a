// What the scripts print: one prefix for their own lines, and progress lines for long steps.

export function say(message) {
	console.log(`[n8n-local] ${message}`);
}

/** "3m07s" */
export function minutesAndSeconds(totalSeconds) {
	const seconds = Math.round(totalSeconds);
	return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * A progress line every second on a terminal, every 15 s otherwise (CI logs). `measure` adds a
 * detail such as a package count. Returns a function that ends the line and gives the seconds.
 */
export function progress(label, measure) {
	const started = Date.now();
	const tty = Boolean(process.stdout.isTTY);
	const render = () => {
		let extra = '';
		try {
			extra = measure ? measure() : '';
		} catch {
			extra = '';
		}
		return `  ${label}: ${minutesAndSeconds((Date.now() - started) / 1000)} ${extra}`;
	};
	const timer = setInterval(
		() => (tty ? process.stdout.write(`\r${render()}\x1b[K`) : console.log(render())),
		tty ? 1000 : 15000,
	);
	return () => {
		clearInterval(timer);
		if (tty) process.stdout.write(`\r${render()}\x1b[K\n`);
		else console.log(`${render()} (done)`);
		return (Date.now() - started) / 1000;
	};
}
