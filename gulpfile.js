// `npm run build` (n8n-node build) already copies icons. This task exists for the `build:watch`
// loop: tsc --watch compiles TypeScript only, so run `npm run build:icons` once beside it.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
