// Localized Markdown: the source article with translated text put in place of the source text.
// Everything else is copied byte for byte from the source; codes are re-emitted from their spans.
import { AnchorSet, kramdownId } from '../../model/anchor.ts';
import type { Article, Segment, Span, Unit } from '../../model/types.ts';
import { contentKey } from '../../model/unit.ts';
import { keepDelimitersPaired, type Piece } from './delimiters.ts';
import { escapeText } from './escape.ts';
import { movePairSpacesOut } from './pairs.ts';

/** The translation of a unit, or nothing to keep the source text. */
export type TranslationOf = (unit: Unit) => readonly Segment[] | undefined;

interface Patch {
  readonly unit: Unit;
  readonly target: readonly Segment[];
}

const within = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end;

export interface LocalizeResult {
  readonly text: string;
  /** Units that kept their source text because no translation was given. */
  readonly fallbacks: number;
}

export function localizeArticle(article: Article, translationOf: TranslationOf): LocalizeResult {
  const source = article.source;
  const patches: Patch[] = [];
  let fallbacks = 0;
  for (const unit of article.units) {
    const target = translationOf(unit);
    if (!target) fallbacks++;
    // Identity translations change nothing, so the source bytes (escapes, entities) are kept.
    if (target && contentKey(target) !== contentKey(unit.segments)) patches.push({ unit, target });
  }
  patches.sort((a, b) => a.unit.span.start - b.unit.span.start || b.unit.span.end - a.unit.span.end);
  // Pinned heading ids go at the end of the heading's line (after any code the unit left out).
  const pins = [...pinnedAnchors(article, patches)].map(([unit, pin]) => ({ at: headingEnd(source, unit.span.end), pin })).sort((a, b) => a.at - b.at);

  /** Source text between two offsets, with the pins that fall inside it (each range owns its start). */
  const copy = (from: number, to: number): string => {
    let out = '';
    let at = from;
    for (const { at: pinAt, pin } of pins) {
      if (pinAt < from || pinAt > to || (pinAt === to && to !== source.length)) continue;
      out += source.slice(at, pinAt) + pin;
      at = pinAt;
    }
    return out + source.slice(at, to);
  };

  const renderRange = (range: Span): string => {
    let out = '';
    let at = range.start;
    for (const patch of patches) {
      const span = patch.unit.span;
      if (span.start < at || !within(span, range)) continue;
      out += copy(at, span.start) + renderUnit(patch);
      at = span.end;
    }
    return out + copy(at, range.end);
  };

  const renderUnit = ({ unit, target }: Patch): string => {
    const markdown = unit.syntax === 'markdown' || unit.syntax === 'table-cell';
    const segments = movePairSpacesOut(target, unit.syntax !== 'yaml' && unit.syntax !== 'liquid-argument');
    // Codes first: text is escaped with the characters of the codes beside it in view.
    const pieces: (Piece & { text?: string })[] = segments.map((segment) => {
      if (segment.type === 'text') return { out: '', text: segment.value };
      const code = unit.segments.find((s) => s.type === 'code' && s.id === segment.id && s.kind === segment.kind);
      const original = code?.type === 'code' ? code : segment;
      let out = original.span ? renderRange(original.span) : original.data;
      // A line break keeps the next line's indentation and quote markers.
      if (original.span && out.endsWith('\n')) out += linePrefix(source, original.span.end);
      return { out, code: original };
    });
    const before = source[unit.span.start - 1] ?? '\n';
    const after = source[unit.span.end] ?? '\n';
    pieces.forEach((piece, k) => {
      if (piece.text === undefined) return;
      const previous = k === 0 ? before : pieces[k - 1]!.out.slice(-1);
      const next = k === pieces.length - 1 ? after : pieces[k + 1]!.out[0];
      const atLineStart = k === 0 ? startsLine(source, unit.span.start) : previous === '\n' || /\n[ \t>]*$/.test(pieces[k - 1]!.out);
      // White space before a line break would change the break, after it the next line's indentation.
      let text = piece.text;
      if (pieces[k + 1]?.code?.role === 'break') text = text.replace(/[ \t]+$/, '');
      if (k > 0 && atLineStart) text = text.replace(/^[ \t]+/, '');
      piece.out = escapeText(text, { syntax: unit.syntax, atLineStart, previous, next, heading: unit.kind === 'heading', yamlStyle: unit.yamlStyle, htmlEntities: unit.htmlEntities });
    });
    return (markdown ? keepDelimitersPaired(pieces, before, after) : pieces).map((piece) => piece.out).join('');
  };

  const text = renderRange({ start: 0, end: source.length });
  return { text: (article.hasBom ? '\uFEFF' : '') + text, fallbacks };
}

/** Where a heading's text ends on its line: before trailing blanks and closing `#`s. */
function headingEnd(source: string, from: number): number {
  const lineEnd = source.indexOf('\n', from);
  const line = source.slice(from, lineEnd < 0 ? source.length : lineEnd).replace(/\r$/, '');
  return from + line.replace(/(?:[ \t]+#+)?[ \t]*$/, '').length;
}

/**
 * True when only indentation, quote and list markers, Liquid tags (a one-line callout's body is
 * Markdown of its own) or a heading's `#`s, a table's `|` stand before the offset on its line.
 */
function startsLine(source: string, offset: number): boolean {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d+[.)](?=[ \t])|\{%[^\n]*?%\}))*[ \t]*(?:#{1,6}[ \t]+|\|[ \t]*)?$/.test(source.slice(lineStart, offset));
}

/** The indentation and `>` markers that start the source line at `offset`. */
function linePrefix(source: string, offset: number): string {
  return /^(?:[ \t]*>)*[ \t]*/.exec(source.slice(offset, offset + 200))![0];
}

/** The text kramdown reads for a heading id: text and the content of code spans. */
function anchorText(segments: readonly Segment[]): string {
  return segments
    .map((s) => (s.type === 'text' ? s.value : s.role === 'code' ? s.data.replace(/^`+ ?| ?`+$/g, '') : ''))
    .join('');
}

/**
 * A heading keeps its source id, so the `#anchor` links to it keep working: where the id kramdown
 * would generate for the output (in document order, numbered on repeats) differs, the heading
 * gets `{#source-id}`.
 */
function pinnedAnchors(article: Article, patches: readonly Patch[]): Map<Unit, string> {
  const targets = new Map(patches.map((patch) => [patch.unit.id, patch]));
  const anchors = new AnchorSet();
  const pins = new Map<Unit, string>();
  for (const heading of article.headings) {
    const patch = heading.unitId ? targets.get(heading.unitId) : undefined;
    let text = heading.text;
    if (patch?.target) {
      const source = anchorText(patch.unit.segments);
      const target = anchorText(patch.target);
      text = text.includes(source) ? text.replace(source, target) : target;
    }
    const generated = anchors.take(kramdownId(text));
    const unit = heading.unitId ? article.units.find((u) => u.id === heading.unitId) : undefined;
    if (generated !== heading.anchor && unit) pins.set(unit, ` {#${heading.anchor}}`);
  }
  return pins;
}
