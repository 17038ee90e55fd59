// The handbook formats by name, without their writers: what `build --help` lists and the summary line
// calls them. Kept apart from `writers.ts` so that naming a format does not load its writer (pdfkit,
// rehype…) at start-up; `writers.ts` checks that every writer it lists is named here.
export interface HandbookFormat {
  /** What `--format` names it. */
  readonly format: string;
  /** What people call it: "3 PDF handbooks". */
  readonly name: string;
}

export const HANDBOOK_FORMATS: readonly HandbookFormat[] = [
  { format: 'html', name: 'HTML' },
  { format: 'md', name: 'Markdown' },
  { format: 'pdf', name: 'PDF' },
];

export function formatName(format: string): string {
  return HANDBOOK_FORMATS.find((f) => f.format === format)?.name ?? format;
}
