// What commands print: numbers formatted for people, problems one per line on stderr.
import type { FileProblem } from '../model/types.ts';
import type { Config } from '../config/config.ts';
import { dirname, join, resolve } from 'node:path';

/** Where a help center's files are: problems name files relative to `articles`. */
type HelpCenterFolders = Pick<Config, 'articles' | 'categories'>;

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

/** Whether a problem's file (relative to the articles folder) is a category file, `<categories>/<slug>.md`. */
function isCategoryFile(file: string, folders: HelpCenterFolders): boolean {
  if (!folders.categories) return false;
  const path = resolve(folders.articles, file);
  return dirname(path) === resolve(folders.categories) && path.endsWith('.md');
}

/**
 * The summary line's part for files refused ("1 article(s) refused, see above", "1 category file(s)
 * refused, see above", or both in one), or nothing.
 */
export function refusedFiles(problems: readonly FileProblem[], folders: HelpCenterFolders): string[] {
  if (problems.length === 0) return [];
  const categoryFiles = problems.filter((p) => isCategoryFile(p.file, folders)).length;
  const articles = problems.length - categoryFiles;
  const counts = [...(articles ? [`${articles} article(s)`] : []), ...(categoryFiles ? [`${categoryFiles} category file(s)`] : [])];
  return [`${counts.join(' and ')} refused, see above`];
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
