// What poppler and qpdf say about a PDF, for the PDF writer's tests.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasCommand, temporaryDir } from '../../helpers.ts';

export const PDF_TOOLS = ['qpdf', 'pdfinfo', 'pdffonts', 'pdftotext'].filter((c) => !hasCommand(c));
export const NO_PDF_TOOLS = `${PDF_TOOLS.join(', ')} missing (apt-get install poppler-utils qpdf): PDF checks skipped`;

function run(cmd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** The PDF's bytes in a file, exactly as the writer made them. */
export function saved(bytes: Buffer, name = 'handbook.pdf'): string {
  const file = join(temporaryDir('handbook-pdf-'), name);
  writeFileSync(file, bytes);
  return file;
}

export function qpdfCheck(file: string): { code: number; out: string } {
  return run('qpdf', ['--check', file]);
}

export function pdfInfo(file: string): Map<string, string> {
  const info = new Map<string, string>();
  for (const line of run('pdfinfo', [file]).out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info.set(m[1]!, m[2]!);
  }
  return info;
}

/** Fonts as pdffonts lists them: name and whether embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  return run('pdffonts', [file])
    .out.split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}

/**
 * The text of each page in pdftotext's reading order (its raw mode: blocks apart, right-to-left
 * lines in logical order), from one run over the whole file, split at the form feeds.
 */
export function readingTexts(file: string): string[] {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pdftotext ${file}: ${r.stderr}`);
  return r.stdout.split('\f').slice(0, -1);
}

/** The document language in the catalog (`/Lang`), read from the bytes pdfkit writes uncompressed. */
export function catalogLanguage(bytes: Buffer): string | undefined {
  return /\/Type \/Catalog\n(?:\/[^\n]*\n)*?\/Lang \(([^)]*)\)/.exec(bytes.toString('latin1'))?.[1];
}

/** Link annotations, and how many of them a Link structure element holds (`/OBJR`), in the bytes pdfkit writes uncompressed. */
export function linkTags(bytes: Buffer): { annotations: number; tagged: number } {
  const text = bytes.toString('latin1');
  return { annotations: text.match(/\/Subtype \/Link\b/g)?.length ?? 0, tagged: text.match(/\/Type \/OBJR\b/g)?.length ?? 0 };
}

/** The text of each page (pdftotext, reading order). */
export function pageTexts(file: string): string[] {
  // pdftotext wraps right-to-left runs in embedding controls; the text is what counts here.
  const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).out.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  return text.split('\f').slice(0, -1);
}
