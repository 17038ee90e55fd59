// Pictures a handbook shows, copied next to it: `<outDir>/images/<path in the images folder>`.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HandbookDocument } from '../handbook/document.ts';

export const IMAGES_DIR = 'images';

export function copyImages(document: HandbookDocument, outDir: string): string[] {
  const written: string[] = [];
  for (const [path, file] of document.imageFiles) {
    const to = join(outDir, IMAGES_DIR, path);
    // Several formats of a language share the pictures: a copy already there is kept.
    if (!existsSync(to) || statSync(to).size !== statSync(file).size) {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(file, to);
    }
    written.push(to);
  }
  return written;
}
