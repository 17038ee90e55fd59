// Reads raw HTML for its translatable text: text runs between block-level tags, with inline tags as
// codes, and the alt/title attributes. Tags and all other attributes stay locked.
import { HtmlParser } from './libraries.ts';
import type { Span } from '../model/types.ts';
import { draftOf, type UnitDraft } from './draft.ts';
import { SegmentBuilder, type SourceView } from './segments.ts';

/** Tags that stay inside a run of text; any other tag ends the run. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'img', 'kbd', 'label',
  'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'button', 'input',
]);
/** Elements whose content is never translated: kept whole as one code. */
const OPAQUE_TAGS = new Set(['code', 'pre', 'script', 'style', 'textarea', 'svg', 'math', 'iframe', 'object', 'template']);
const INLINE_OPAQUE = new Set(['code']);
export const TRANSLATABLE_ATTRIBUTES = new Set(['alt', 'title']);

const ATTRIBUTE = /\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

/** Units for the translatable attributes of one tag (`<img alt="…">`). */
export function attributeDrafts(view: SourceView, tag: Span): UnitDraft[] {
  const text = view.source.slice(tag.start, tag.end);
  const tagName = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(text)?.[1]?.toLowerCase();
  if (!tagName) return [];
  const drafts: UnitDraft[] = [];
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (!TRANSLATABLE_ATTRIBUTES.has(name) || value === '') continue;
    const quoted = match[2] !== undefined || match[3] !== undefined;
    const start = tag.start + match.index! + match[0].length - value.length - (quoted ? 1 : 0);
    const span = { start, end: start + value.length };
    const builder = new SegmentBuilder(view);
    builder.text(span.start, span.end, 'html');
    const draft = draftOf(builder, 'html-attribute', 'html-attribute', `${name} text of <${tagName}>`, span);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

/** Units of an HTML block: one per run of text between block-level tags. */
export function htmlBlockDrafts(view: SourceView, block: Span, where: string): UnitDraft[] {
  const masked = view.liquid.masked;
  const html = masked.slice(block.start, block.end);
  const drafts: UnitDraft[] = [];
  const open: string[] = [];
  let builder = new SegmentBuilder(view);
  let runStart = block.start;
  let opaque: { name: string; start: number; depth: number } | undefined;
  const flush = (at: number) => {
    const element = `HTML text in <${open[open.length - 1] ?? 'html'}>${where}`;
    const draft = draftOf(builder, 'html-text', 'html', element, { start: runStart, end: at });
    if (draft) drafts.push(draft);
    builder = new SegmentBuilder(view);
    runStart = at;
  };
  const parser = new HtmlParser(
    {
      onopentag(name) {
        const start = block.start + parser.startIndex;
        const end = block.start + parser.endIndex + 1;
        if (opaque) {
          if (name === opaque.name) opaque.depth++;
          return;
        }
        for (const draft of attributeDrafts(view, { start, end })) drafts.push(draft);
        if (OPAQUE_TAGS.has(name)) {
          if (!INLINE_OPAQUE.has(name)) flush(start);
          opaque = { name, start, depth: 1 };
          return;
        }
        if (INLINE_TAGS.has(name)) builder.html({ start, end });
        else {
          flush(start);
          open.push(name);
        }
      },
      onclosetag(name, isImplied) {
        const start = block.start + parser.startIndex;
        const end = isImplied ? start : block.start + parser.endIndex + 1;
        if (opaque) {
          if (name !== opaque.name || --opaque.depth > 0) return;
          const span = { start: opaque.start, end };
          opaque = undefined;
          if (INLINE_OPAQUE.has(name)) builder.code('code', 'standalone', span);
          else runStart = end;
          return;
        }
        if (isImplied) return;
        if (INLINE_TAGS.has(name)) builder.html({ start, end });
        else {
          flush(start);
          if (open[open.length - 1] === name) open.pop();
          runStart = end;
        }
      },
      ontext() {
        if (opaque) return;
        builder.text(block.start + parser.startIndex, block.start + parser.endIndex + 1, 'html');
      },
      oncomment() {
        if (opaque) return;
        builder.code('html', 'standalone', { start: block.start + parser.startIndex, end: block.start + parser.endIndex + 1 }, '<!--…-->');
      },
    },
    { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush(block.end);
  return drafts;
}
