// kramdown reads consecutive lines that start with `|` as a table even without a `|---|` delimiter
// row (all rows are body rows); GFM reads them as one paragraph full of pipes. This finds the rows
// and cells of such a paragraph, as spans of the text it was parsed from, for the parser (one unit
// per cell) and the HTML renderer (a table).
import type { Span } from '../model/types.ts';

export interface KramdownRow {
  readonly cells: readonly Span[];
}

/** Start (after indentation and quote markers) of each line of `text` between two offsets. */
function lineStarts(text: string, start: number, end: number): { from: number; to: number }[] {
  const lines: { from: number; to: number }[] = [];
  let at = text.lastIndexOf('\n', start - 1) + 1;
  while (at < end) {
    const lineEnd = text.indexOf('\n', at);
    const to = Math.min(lineEnd < 0 ? text.length : lineEnd, end);
    const prefix = /^(?:[ \t]*>)*[ \t]*/.exec(text.slice(at, to))![0].length;
    lines.push({ from: Math.max(at + prefix, start), to: text[to - 1] === '\r' ? to - 1 : to });
    at = to + 1;
  }
  return lines;
}

/** Offsets of the cell separators of a line: unescaped `|` outside code spans. */
function pipes(text: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '`') {
      const fence = /^`+/.exec(text.slice(i, to))![0];
      const close = text.indexOf(fence, i + fence.length);
      if (close >= 0 && close < to) i = close + fence.length - 1;
      else i += fence.length - 1;
    } else if (ch === '|') found.push(i);
  }
  return found;
}

/** The rows of a paragraph that kramdown reads as a table without header, or nothing. */
export function kramdownTableRows(text: string, span: Span): KramdownRow[] | undefined {
  const lines = lineStarts(text, span.start, span.end);
  if (lines.length === 0 || !lines.every((line) => text[line.from] === '|')) return undefined;
  return lines.map(({ from, to }) => {
    const bars = pipes(text, from, to);
    const cells: Span[] = [];
    for (let k = 0; k < bars.length; k++) {
      const cellStart = bars[k]! + 1;
      const cellEnd = bars[k + 1] ?? to;
      const cell = text.slice(cellStart, cellEnd);
      if (k === bars.length - 1 && cell.trim() === '') break;
      const lead = cell.length - cell.trimStart().length;
      cells.push({ start: cellStart + lead, end: cellStart + cell.trimEnd().length });
    }
    return { cells };
  });
}
