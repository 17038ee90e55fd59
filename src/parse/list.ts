// Finding the articles of a help center: a light module (no parser), so a command can count them
// before it loads the parser.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Config } from '../config/config.ts';
import type { FileProblem } from '../model/types.ts';

/** Markdown files under a folder, relative to it with `/`, sorted so every machine agrees. */
export function listMarkdown(folder: string, skip: ReadonlySet<string> = new Set(), problems: FileProblem[] = []): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // The folder itself must be readable (the CLI reports that); a subfolder is one problem.
      if (dir === folder) throw error;
      problems.push({ file: `${relative(folder, dir).split(sep).join('/')}/`, line: 1, message: unreadable(error, 'folder') });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !skip.has(path)) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(relative(folder, path).split(sep).join('/'));
    }
  };
  walk(folder);
  return found.sort();
}

/** Why a file or folder could not be read, and what to do, from the system's error. */
export function unreadable(error: unknown, what: 'file' | 'folder'): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? `permission denied (${code}): give the user running handbook read access to the ${what}`
      : `${(error as Error).message.split(',')[0]}: check the ${what}`;
  return `cannot read the ${what}: ${why}`;
}

/** The articles of a help center, relative to its articles folder, without the folders handbook itself uses. */
export function articlePaths(config: Config, problems: FileProblem[] = []): string[] {
  const skip = new Set([config.categories ?? '', config.images, config.locales, config.output]);
  return listMarkdown(config.articles, skip, problems);
}
