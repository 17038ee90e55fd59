// Fingerprints of what cached work is made from: SHA-256 over parts kept apart from each other, and
// a hash of the code that made the work, so a changed tool never reuses what an older one cached.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** SHA-256 of the parts, each kept apart from the next. */
export function fingerprint(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

const versions = new Map<string, string>();

/**
 * A hash of the running handbook's package.json and package-lock.json and of every code file under
 * `folders` of the code folder it runs from (src/ through tsx, dist/ compiled; '' is all of it),
 * names and bytes. A name that is no folder is a module (`config/liquid-rules`: its .ts or .js file).
 * Computed once per process and set of folders.
 */
export function codeVersion(folders: readonly string[]): string {
  const key = folders.join('\u0000');
  const known = versions.get(key);
  if (known) return known;
  const code = dirname(dirname(fileURLToPath(import.meta.url))); // src or dist
  const files = [join(code, '../package.json'), join(code, '../package-lock.json')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js|mjs|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const folder of folders) {
    const path = join(code, folder);
    if (existsSync(path) && statSync(path).isDirectory()) walk(path);
    else files.push(...['.ts', '.js'].map((extension) => `${path}${extension}`).filter((file) => existsSync(file)));
  }
  const version = fingerprint(...files.flatMap((file) => [relative(code, file), existsSync(file) ? readFileSync(file) : '']));
  versions.set(key, version);
  return version;
}
