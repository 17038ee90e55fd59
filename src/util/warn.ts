// handbook's own notices (a cache that could not be saved…): one line on stderr,
// `warning: <path>: <what happened>`, as the commands print their warnings, and none under --quiet.
// Never process.emitWarning: Node would print it as "(node:…) Warning:", whatever --quiet says.
import { isAbsolute, relative } from 'node:path';

/** --quiet, kept in the environment so worker threads (PDF, parse) started after it was set follow it too. */
const QUIET = 'HANDBOOK_QUIET';

/** Set by the command line from --quiet: no warning lines. */
export function setQuietWarnings(quiet: boolean): void {
  if (quiet) process.env[QUIET] = '1';
  else delete process.env[QUIET];
}

/** Prints `warning: <path>: <message>` on stderr (the path relative to the current folder), unless --quiet. */
export function warn(path: string, message: string): void {
  if (process.env[QUIET] === '1') return;
  const shown = isAbsolute(path) ? relative(process.cwd(), path) || '.' : path;
  process.stderr.write(`warning: ${shown}: ${message}\n`);
}
