// The `pdf` entry of the writers table: `<outDir>/<fileName>.pdf`, written atomically, converted
// pictures kept in `<cache>/pictures/` and shaped words in `<cache>/shaping/` unless the run has no
// cache (`--no-cache`).
import { join } from 'node:path';
import type { Writer } from '../writers.ts';
import type { PageSize } from './theme.ts';
import { writePdfFile } from './write.ts';

/** Regions that print on US Letter; every other language gets A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'PR']);

export function pageSizeFor(language: string): PageSize {
  const region = language.split(/[-_]/)[1]?.toUpperCase();
  return region !== undefined && LETTER_REGIONS.has(region) ? 'LETTER' : 'A4';
}

export const pdfWriter: Writer = {
  format: 'pdf',
  extension: 'pdf',
  description: 'one printable, tagged PDF per category (output/<lang>/<category>.pdf): cover, contents, bookmarks',
  async write(document, outDir, run) {
    const file = join(outDir, `${document.fileName}.pdf`);
    const caches = run?.cache === undefined ? {} : { pictureCache: join(run.cache, 'pictures'), shapingCache: join(run.cache, 'shaping'), fragments: run.fragments };
    const result = await writePdfFile(document, file, { pageSize: pageSizeFor(document.language), ...caches });
    return { files: [file], warnings: result.warnings };
  },
};
