// Localized Markdown: the source article with translated text put in place of the source text.
// Everything else is copied byte for byte from the source; codes are re-emitted from their spans.
import { AnchorSet, kramdownId } from '../../model/anchor.ts';
import type { Article, Segment, Span, Unit } from '../../model/types.ts';
import { contentKey, plainText } from '../../model/unit.ts';
import { escapeText } from './escape.ts';

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
  const pins = pinnedAnchors(article.units, patches);
  patches.sort((a, b) => a.unit.span.start - b.unit.span.start || b.unit.span.end - a.unit.span.end);

  const renderRange = (range: Span): string => {
    let out = '';
    let at = range.start;
    for (const patch of patches) {
      const span = patch.unit.span;
      if (span.start < at || !within(span, range)) continue;
      out += source.slice(at, span.start) + renderUnit(patch);
      at = span.end;
    }
    return out + source.slice(at, range.end);
  };

  const renderUnit = ({ unit, target }: Patch): string => {
    let out = '';
    let first = true;
    for (const segment of target) {
      if (segment.type === 'text') {
        out += escapeText(segment.value, { syntax: unit.syntax, atBlockStart: first && startsLine(source, unit.span.start), yamlStyle: unit.yamlStyle });
      } else {
        const code = unit.segments.find((s) => s.type === 'code' && s.id === segment.id && s.kind === segment.kind);
        const original = code?.type === 'code' ? code : segment;
        out += original.span ? renderRange(original.span) : original.data;
      }
      first = false;
    }
    return out + (pins.get(unit) ?? '');
  };

  const text = renderRange({ start: 0, end: source.length });
  return { text: (article.hasBom ? '\uFEFF' : '') + text, fallbacks };
}

/** True when only indentation or a list marker stands before the offset on its line. */
function startsLine(source: string, offset: number): boolean {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|\|\s*)?$/.test(source.slice(lineStart, offset));
}

/**
 * A translated heading keeps its source id, so the `#anchor` links to it keep working: where the
 * id kramdown would generate for the output (in document order, numbered on repeats) differs,
 * the heading gets `{#source-id}`.
 */
function pinnedAnchors(units: readonly Unit[], patches: readonly Patch[]): Map<Unit, string> {
  const targets = new Map(patches.map((patch) => [patch.unit, patch.target]));
  const anchors = new AnchorSet();
  const pins = new Map<Unit, string>();
  for (const unit of units) {
    if (!unit.anchor) continue;
    const target = targets.get(unit);
    const generated = anchors.take(kramdownId(plainText(target ?? unit.segments)));
    if (target && generated !== unit.anchor) pins.set(unit, ` {#${unit.anchor}}`);
  }
  return pins;
}
