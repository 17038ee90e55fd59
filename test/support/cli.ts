// Test helpers for the command line: run the command from its sources, in a copy of the sample help center.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT, temporaryDir } from '../helpers.ts';

/** `node` arguments that run the command from the TypeScript sources, so tests see src/ as it is now
 * (the installed bin/handbook.js runs the compiled dist/, checked by test/cli/compiled.test.ts). */
export const FROM_SOURCE = ['--import', import.meta.resolve('tsx'), join(PROJECT, 'src/cli/main.ts')];

/** Runs `handbook ARGS` as CI would (no terminal, CI set). */
export function run(args: string[], cwd = PROJECT) {
  const result = spawnSync(process.execPath, [...FROM_SOURCE, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A root with the sample articles and configuration, and nothing translated. */
export function sampleRoot(): string {
  const root = temporaryDir();
  cpSync(join(PROJECT, 'articles'), join(root, 'articles'), { recursive: true });
  writeFileSync(join(root, 'handbook.config.json'), readFileSync(join(PROJECT, 'handbook.config.json')));
  return root;
}
