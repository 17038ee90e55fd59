// Pictures a handbook shows, copied next to it: `<outDir>/images/<path in the images folder>`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HandbookDocument } from '../handbook/document.ts';

export const IMAGES_DIR = 'images';

export function copyImages(document: HandbookDocument, outDir: string): string[] {
  const written: string[] = [];
  for (const [path, file] of document.imageFiles) {
    const to = join(outDir, IMAGES_DIR, path);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(file, to);
    written.push(to);
  }
  return written;
}
