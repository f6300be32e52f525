const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript; n8n loads node and credential icons from dist/ beside them.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { encoding: false, base: '.' }).pipe(
		dest(path.resolve('dist')),
	),
);
