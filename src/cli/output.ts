// What commands print: numbers formatted for people, problems one per line on stderr.
import type { FileProblem } from '../model/types.ts';
import { join } from 'node:path';

/** 0 done, 1 input refused (or the environment stopped it), 2 usage error, 3 internal error (a bug). */
export const EXIT = { ok: 0, refused: 1, usage: 2, internal: 3 } as const;

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A file named relative to the articles folder (`where`), as the user finds it: `../_categories/a.md` leads out of it. */
export function shownPath(where: string, file: string): string {
  return file.startsWith('../') ? join(where, file) : `${where}/${file}`;
}

export function reportProblems(problems: readonly FileProblem[], where: string): void {
  for (const problem of problems) process.stderr.write(`error: ${shownPath(where, problem.file)}:${problem.line}: ${problem.message}\n`);
}

/** The summary line's part for articles refused ("1 article(s) refused, see above"), or nothing. */
export function refusedArticles(problems: readonly FileProblem[]): string[] {
  return problems.length ? [`${problems.length} article(s) refused, see above`] : [];
}

/** Warnings of the files read (`warning: <where>/<file>:<line>: …`, on stderr), none under --quiet. */
export function reportWarnings(warnings: readonly FileProblem[] | undefined, where: string, flags: { readonly quiet?: boolean }): void {
  if (flags.quiet) return;
  for (const warning of warnings ?? []) process.stderr.write(`warning: ${shownPath(where, warning.file)}:${warning.line}: ${warning.message}\n`);
}

/** Splits `--lang de,ja` into canonical codes. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
