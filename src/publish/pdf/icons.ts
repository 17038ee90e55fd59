// Font Awesome 4.7 icons: `fa-name` → code point, read once per process from the package's CSS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './fonts.ts';

let codes: Map<string, number> | undefined;

function read(): Map<string, number> {
  const css = readFileSync(join(packageDir('font-awesome'), 'css/font-awesome.css'), 'utf8');
  const map = new Map<string, number>();
  for (const m of css.matchAll(/([^{}]+)\{\s*content:\s*"\\([0-9a-f]+)";\s*\}/g)) {
    for (const sel of m[1]!.split(',')) {
      const name = /\.(fa-[a-z0-9-]+):before/.exec(sel.trim());
      if (name) map.set(name[1]!, parseInt(m[2]!, 16));
    }
  }
  return map;
}

/** The code point of a Font Awesome 4.7 icon (`fa-cog`), or undefined for an unknown name. */
export function iconCodePoint(name: string): number | undefined {
  codes ??= read();
  return codes.get(name.startsWith('fa-') ? name : `fa-${name}`);
}
