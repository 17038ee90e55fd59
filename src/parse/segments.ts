// Builds a unit's segments from source ranges: text with escapes and entities decoded, every piece
// of markup as an inline code that keeps its exact source bytes.
import { decodeNamedCharacterReference } from './libraries.ts';
import type { Code, CodeRole, Segment, Span } from '../model/types.ts';
import { MASK_START, type MaskedSource } from './liquid.ts';

/** How raw text is read: which escapes exist and how whitespace counts. */
export type TextMode = 'markdown' | 'html' | 'plain';

interface TextItem {
  readonly kind: 'text';
  value: string;
  /** The text it was read from (masked, or the source itself), to trim white space exactly. */
  readonly from: string;
  readonly start: number;
  end: number;
}

interface CodeItem {
  readonly kind: 'code';
  codeKind: 'open' | 'close' | 'standalone';
  readonly role: CodeRole;
  readonly data: string;
  readonly span: Span | undefined;
  readonly display: string;
  partner?: CodeItem;
}

type Item = TextItem | CodeItem;

/** What the builder needs of the article: original and masked text, and the masked Liquid. */
export interface SourceView {
  readonly source: string;
  readonly liquid: MaskedSource;
}

const VOID_HTML = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:#[xX]([0-9a-fA-F]{1,6});|#([0-9]{1,7});|([a-zA-Z][a-zA-Z0-9]{0,31});)/;
const KRAMDOWN_ATTRIBUTES = /^\{:?[#.:][^}\n]*\}|^\{:[^}\n]*\}/;
const CONTROL_CHARACTERS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uFFFE\\uFFFF';
const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`);
/**
 * Per mode, every character `text` may read as something else than itself: a masked piece's first
 * character, an escape, an entity, kramdown attributes, white space that collapses, a control
 * character. Any other character is text as it stands.
 */
const SPECIAL: Record<TextMode, RegExp> = {
  markdown: new RegExp(`[${MASK_START}\\\\&{\\n${CONTROL_CHARACTERS}]`, 'g'),
  html: new RegExp(`[${MASK_START}&\\n \\t\\r${CONTROL_CHARACTERS}]`, 'g'),
  plain: new RegExp(`[${CONTROL_CHARACTERS}]`, 'g'),
};

function decodeEntity(match: RegExpExecArray): string | undefined {
  const [, hex, dec, name] = match;
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? undefined : decoded;
  }
  const code = Number.parseInt(hex ?? dec!, hex ? 16 : 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

function liquidDisplay(data: string): string {
  const compact = data.replace(/\s+/g, ' ');
  return compact.length > 60 ? `${compact.slice(0, 57)}…` : compact;
}

export function htmlTagName(tag: string): { name: string; closing: boolean; selfClosing: boolean } | undefined {
  const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>$/s.exec(tag);
  if (!match) return undefined;
  return { name: match[2]!.toLowerCase(), closing: match[1] === '/', selfClosing: match[3] === '/' };
}

function htmlDisplay(tag: string): string {
  const parsed = htmlTagName(tag);
  if (!parsed) return tag.startsWith('<!--') ? '<!--…-->' : liquidDisplay(tag);
  return parsed.closing ? `</${parsed.name}>` : `<${parsed.name}${parsed.selfClosing ? '/' : ''}>`;
}

export class SegmentBuilder {
  private readonly items: Item[] = [];
  constructor(private readonly view: SourceView) {}

  /** Appends decoded text; `start`/`end` locate it in the source (for trimming the unit's span). */
  private pushText(value: string, start: number, end: number, from: string): void {
    const last = this.items[this.items.length - 1];
    if (last?.kind === 'text' && last.end === start && last.from === from) {
      last.value += value;
      last.end = end;
    } else {
      this.items.push({ kind: 'text', value, start, end, from });
    }
  }

  code(role: CodeRole, codeKind: CodeItem['codeKind'], span: Span, display?: string): CodeItem {
    const data = this.view.source.slice(span.start, span.end);
    const item: CodeItem = { kind: 'code', codeKind, role, data, span, display: display ?? data };
    this.items.push(item);
    return item;
  }

  open(role: CodeRole, span: Span, display?: string): CodeItem {
    return this.code(role, 'open', span, display);
  }

  close(opening: CodeItem, span: Span, display?: string): void {
    const closing = this.code(opening.role, 'close', span, display);
    opening.partner = closing;
    closing.partner = opening;
  }

  html(span: Span): void {
    this.code('html', 'standalone', span, htmlDisplay(this.view.source.slice(span.start, span.end)));
  }

  /**
   * Reads source text between two offsets: escapes, entities, masked Liquid, kramdown attributes.
   * `special` finds the next character that may not be plain text (a global regex); one matching
   * every character reads the text one character at a time, with the same result (the tests' check).
   */
  text(start: number, end: number, mode: TextMode, special: RegExp = SPECIAL[mode]): void {
    // Plain text (a Liquid argument) lies inside masked Liquid: read it from the source itself.
    const masked = mode === 'plain' ? this.view.source : this.view.liquid.masked;
    let i = start;
    let runStart = i;
    let run = '';
    const flush = (at: number) => {
      if (run) this.pushText(run, runStart, at, masked);
      run = '';
      runStart = at;
    };
    while (i < end) {
      // Characters no rule below reads differently are taken as one slice, up to the next one that may be.
      special.lastIndex = i;
      const next = special.test(masked) ? Math.min(special.lastIndex - 1, end) : end;
      if (next > i) {
        run += masked.slice(i, next);
        i = next;
        continue;
      }
      const ch = masked[i]!;
      // A masked piece always starts with MASK_START (see liquid.ts): only there can one stand.
      const piece = mode === 'plain' || ch !== MASK_START ? undefined : this.view.liquid.maskedAt.get(i);
      if (piece) {
        flush(i);
        this.code('liquid', 'standalone', piece.span, liquidDisplay(piece.data));
        i = piece.span.end;
        runStart = i;
        continue;
      }
      if (mode === 'markdown' && ch === '\\' && i + 1 < end && ASCII_PUNCTUATION.test(masked[i + 1]!)) {
        run += masked[i + 1];
        i += 2;
        continue;
      }
      if (mode !== 'plain' && ch === '&') {
        const match = ENTITY.exec(masked.slice(i, i + 40));
        const decoded = match ? decodeEntity(match) : undefined;
        if (match && decoded !== undefined) {
          run += decoded;
          i += match[0].length;
          continue;
        }
      }
      if (mode === 'markdown' && ch === '{') {
        const match = KRAMDOWN_ATTRIBUTES.exec(masked.slice(i, Math.min(end, i + 200)));
        if (match) {
          flush(i);
          this.code('attributes', 'standalone', { start: i, end: i + match[0].length });
          i += match[0].length;
          runStart = i;
          continue;
        }
      }
      if (mode !== 'plain' && (ch === '\n' || ((ch === ' ' || ch === '\t' || ch === '\r') && mode === 'html'))) {
        // A line break inside a paragraph (or any HTML white space) reads as one space.
        let j = i;
        while (j < end && /[ \t\r\n]/.test(masked[j]!)) j++;
        if (!run.endsWith(' ')) run += ' ';
        else if (mode === 'markdown') run = run.replace(/[ \t]+$/, ' ');
        i = j;
        continue;
      }
      if (CONTROL.test(ch)) {
        flush(i);
        const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        this.code('control', 'standalone', { start: i, end: i + 1 }, code);
        i += 1;
        runStart = i;
        continue;
      }
      run += ch;
      i += 1;
    }
    flush(end);
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  /**
   * Ends the unit: pairs HTML tags, trims standalone codes and white space at both ends
   * (they stay in the skeleton), numbers the codes. Returns the segments and where they stand.
   */
  finish(fallback: Span, unwrap = false): { segments: Segment[]; span: Span } {
    pairHtmlTags(this.items);
    let items = trim(this.items);
    // In raw HTML a tag pair around the whole text (`<a …>Label</a>`) stays in the skeleton too,
    // so tags keep their own lines.
    while (unwrap && items.length > 1) {
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (first.kind !== 'code' || first.codeKind !== 'open' || first.partner !== last) break;
      items = trim(items.slice(1, -1));
    }
    const segments: Segment[] = [];
    let nextId = 1;
    const ids = new Map<CodeItem, number>();
    for (const item of items) {
      if (item.kind === 'text') {
        const last = segments[segments.length - 1];
        if (last?.type === 'text') segments[segments.length - 1] = { type: 'text', value: last.value + item.value };
        else segments.push({ type: 'text', value: item.value });
        continue;
      }
      let id = item.partner && item.codeKind === 'close' ? ids.get(item.partner) : undefined;
      if (id === undefined) id = nextId++;
      ids.set(item, id);
      const code: Code = { type: 'code', id, kind: item.codeKind, role: item.role, data: item.data, display: item.display, ...(item.span ? { span: item.span } : {}) };
      segments.push(code);
    }
    return { segments, span: spanOf(items) ?? fallback };
  }
}

function startOf(item: Item): number {
  return item.kind === 'text' ? item.start : (item.span?.start ?? -1);
}
function endOf(item: Item): number {
  return item.kind === 'text' ? item.end : (item.span?.end ?? -1);
}

function spanOf(items: Item[]): Span | undefined {
  if (items.length === 0) return undefined;
  const start = startOf(items[0]!);
  const end = endOf(items[items.length - 1]!);
  return start < 0 || end < 0 ? undefined : { start, end };
}

/** Pairs `<b>`…`</b>` codes that are balanced with the Markdown pairs around them. */
function pairHtmlTags(items: Item[]): void {
  const stack: CodeItem[] = [];
  for (const item of items) {
    if (item.kind !== 'code') continue;
    if (item.role === 'html' && item.codeKind === 'standalone') {
      const tag = htmlTagName(item.data);
      if (!tag || tag.selfClosing || VOID_HTML.has(tag.name)) continue;
      if (!tag.closing) {
        stack.push(item);
        continue;
      }
      const top = stack[stack.length - 1];
      if (top && top.role === 'html' && htmlTagName(top.data)?.name === tag.name) {
        stack.pop();
        top.codeKind = 'open';
        item.codeKind = 'close';
        top.partner = item;
        item.partner = top;
      }
      continue;
    }
    if (item.codeKind === 'open') stack.push(item);
    else if (item.codeKind === 'close') {
      // Unpaired HTML opened inside a Markdown pair stays standalone.
      while (stack.length > 0 && stack.pop() !== item.partner);
    }
  }
}

function isTrimmable(item: Item): boolean {
  if (item.kind === 'text') return item.value.trim() === '';
  return item.codeKind === 'standalone';
}

const BLANK = /[ \t\r\n]/;

function trim(all: Item[]): Item[] {
  let first = 0;
  let last = all.length - 1;
  while (first <= last && isTrimmable(all[first]!)) first++;
  while (last >= first && isTrimmable(all[last]!)) last--;
  // Only the text items at the ends change: they are copied, every other item is kept as it is
  // (codes keep their partners: a pair's two codes are never trimmable, so both stay or both go).
  const items = all.slice(first, last + 1);
  const head = items[0];
  if (head?.kind === 'text') {
    const copy = { ...head, value: head.value.replace(/^[ \t\r\n]+/, '') };
    let start = copy.start;
    while (start >= 0 && BLANK.test(copy.from[start] ?? '')) start++;
    (copy as { start: number }).start = start;
    items[0] = copy;
  }
  const tail = items[items.length - 1];
  if (tail?.kind === 'text') {
    const copy = { ...tail, value: tail.value.replace(/[ \t\r\n]+$/, '') };
    while (copy.end > 0 && BLANK.test(copy.from[copy.end - 1] ?? '')) copy.end--;
    items[items.length - 1] = copy;
  }
  return items;
}
