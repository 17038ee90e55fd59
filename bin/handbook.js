#!/usr/bin/env node
// The installed command: runs the compiled JavaScript in dist/ (`npm install` compiles it through
// the `prepare` script; `npm run build` after changing src/).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('error: handbook is not compiled (dist/ is missing): run npm run build in its folder\n');
  process.exit(2);
}
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv);
