// Finds Liquid in an article and masks it, so the Markdown parser sees Liquid as Jekyll leaves it:
// block tags alone on a line become blank lines, every other tag or output becomes an opaque word
// of the same length. Offsets stay the same, so positions map 1:1 back to the source.
import { Tokenizer, TokenKind, type TagToken } from 'liquidjs';
import { ruleFor, type LiquidRules } from '../config/liquid-rules.ts';
import type { Span } from '../model/types.ts';
import { LIMITS } from './limits.ts';
import { ArticleError, type LineIndex } from './problem.ts';

export interface LiquidToken {
  readonly kind: 'tag' | 'output';
  /** Tag name (`callout`, `endcallout`, `image`); empty for outputs. */
  readonly name: string;
  readonly args: string;
  readonly start: number;
  readonly end: number;
}

/** A `{% name %}…{% endname %}` pair. */
export interface LiquidBlock {
  readonly name: string;
  readonly args: string;
  readonly open: LiquidToken;
  readonly close: LiquidToken;
  readonly body: 'markdown' | 'none';
}

/** Text inside a tag's arguments that is translated (an image caption). */
export interface LiquidArgumentText {
  readonly tag: LiquidToken;
  readonly span: Span;
}

/** One masked piece of source: a token, or a whole opaque block. */
export interface MaskedPiece {
  readonly span: Span;
  readonly data: string;
  readonly tokens: readonly LiquidToken[];
}

export interface MaskedSource {
  readonly masked: string;
  readonly pieces: readonly MaskedPiece[];
  /**
   * The pieces masked as an opaque word, by offset: the mask characters are private-use ones an
   * article may hold too, so a mask is recognised by where it stands, never by its characters.
   */
  readonly maskedAt: ReadonlyMap<number, MaskedPiece>;
  readonly blocks: readonly LiquidBlock[];
  readonly argumentTexts: readonly LiquidArgumentText[];
}

export const MASK_START = '\uE000';
export const MASK_FILL = '\uE001';
const INDEX_BASE = 0xe100;
function maskFor(index: number, length: number): string {
  const hi = String.fromCharCode(INDEX_BASE + (index >> 8));
  const lo = String.fromCharCode(INDEX_BASE + (index & 255));
  return MASK_START + hi + lo + MASK_FILL.repeat(length - 3);
}

function blankOut(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

function readTokens(source: string, bodyStart: number, file: string, lines: LineIndex): LiquidToken[] {
  let raw;
  try {
    raw = new Tokenizer(source, undefined, file, [bodyStart, source.length]).readTopLevelTokens();
  } catch (error) {
    const begin = (error as { token?: { begin?: number } }).token?.begin ?? bodyStart;
    const what = String((error as Error).message).replace(/, line:\d+, col:\d+$/, '');
    throw new ArticleError(file, lines.lineOf(begin), `Liquid ${what}: close it with %} or }}`);
  }
  const tokens: LiquidToken[] = [];
  for (const token of raw) {
    if (token.kind === TokenKind.Tag) {
      const tag = token as TagToken;
      tokens.push({ kind: 'tag', name: tag.name, args: tag.args, start: tag.begin, end: tag.end });
    } else if (token.kind === TokenKind.Output) {
      tokens.push({ kind: 'output', name: '', args: (token as { content: string }).content, start: token.begin, end: token.end });
    }
  }
  return tokens;
}

/** True when only blanks stand between the span and the ends of its lines. */
function isAloneOnLine(source: string, span: Span): boolean {
  let i = span.start - 1;
  while (i >= 0 && (source[i] === ' ' || source[i] === '\t')) i--;
  if (i >= 0 && source[i] !== '\n') return false;
  let j = span.end;
  while (j < source.length && (source[j] === ' ' || source[j] === '\t' || source[j] === '\r')) j++;
  return j >= source.length || source[j] === '\n';
}

interface Pairing {
  readonly blocks: LiquidBlock[];
  /** Tokens grouped into masked pieces: single tokens, or an opaque block with its content. */
  readonly pieces: LiquidToken[][];
}

function pairBlocks(tokens: LiquidToken[], rules: LiquidRules, file: string, lines: LineIndex): Pairing {
  const hasEnd = new Set(tokens.filter((t) => t.kind === 'tag' && t.name.startsWith('end')).map((t) => t.name.slice(3)));
  const blocks: LiquidBlock[] = [];
  const pieces: LiquidToken[][] = [];
  const stack: { token: LiquidToken }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'tag' && token.name.startsWith('end') && token.name.length > 3) {
      const name = token.name.slice(3);
      const top = stack.pop();
      if (!top || top.token.name !== name) {
        const hint = top ? `{% ${top.token.name} %} opened on line ${lines.lineOf(top.token.start)} is still open` : 'nothing is open';
        throw new ArticleError(file, lines.lineOf(token.start), `{% ${token.name} %} closes nothing (${hint}): remove it or add the opening tag`);
      }
      blocks.push({ name, args: top.token.args, open: top.token, close: token, body: ruleFor(rules, name)?.body ?? 'markdown' });
      pieces.push([token]);
      continue;
    }
    const rule = token.kind === 'tag' ? ruleFor(rules, token.name) : undefined;
    const isBlock = token.kind === 'tag' && (rule?.body !== undefined || hasEnd.has(token.name));
    if (!isBlock) {
      pieces.push([token]);
      continue;
    }
    if (rule?.body === 'none') {
      // Everything up to the matching end tag is one opaque piece, whatever it contains.
      const endName = `end${token.name}`;
      let closeIndex = i + 1;
      while (closeIndex < tokens.length && !(tokens[closeIndex]!.kind === 'tag' && tokens[closeIndex]!.name === endName)) closeIndex++;
      if (closeIndex === tokens.length) closeIndex = -1;
      if (closeIndex < 0) throw unclosed(token, file, lines);
      const close = tokens[closeIndex]!;
      blocks.push({ name: token.name, args: token.args, open: token, close, body: 'none' });
      pieces.push(tokens.slice(i, closeIndex + 1));
      i = closeIndex;
      continue;
    }
    stack.push({ token });
    if (stack.length > LIMITS.liquidNesting) {
      throw new ArticleError(file, lines.lineOf(token.start), `Liquid blocks are nested ${stack.length} deep here, more than the limit of ${LIMITS.liquidNesting}: close some before opening more`);
    }
    pieces.push([token]);
  }
  const open = stack.pop();
  if (open) throw unclosed(open.token, file, lines);
  return { blocks, pieces };
}

function unclosed(token: LiquidToken, file: string, lines: LineIndex): ArticleError {
  return new ArticleError(file, lines.lineOf(token.start), `{% ${token.name} %} is never closed: add {% end${token.name} %} where its content ends`);
}

function argumentText(source: string, token: LiquidToken, from: number): Span | undefined {
  const inner = source.slice(token.start, token.end);
  const argsAt = inner.indexOf(token.args, inner.indexOf(token.name) + token.name.length);
  if (argsAt < 0) return undefined;
  const words = [...token.args.matchAll(/\S+/g)];
  const first = words[from];
  if (!first) return undefined;
  const last = words[words.length - 1]!;
  const start = token.start + argsAt + first.index!;
  return { start, end: token.start + argsAt + last.index! + last[0].length };
}

export function maskLiquid(source: string, bodyStart: number, rules: LiquidRules, file: string, lines: LineIndex): MaskedSource {
  const tokens = readTokens(source, bodyStart, file, lines);
  const { blocks, pieces: grouped } = pairBlocks(tokens, rules, file, lines);
  const pieces: MaskedPiece[] = [];
  const maskedAt = new Map<number, MaskedPiece>();
  const argumentTexts: LiquidArgumentText[] = [];
  let masked = '';
  let at = 0;
  for (const group of grouped) {
    const span = { start: group[0]!.start, end: group[group.length - 1]!.end };
    const data = source.slice(span.start, span.end);
    masked += source.slice(at, span.start);
    const piece = { span, data, tokens: group };
    if (isAloneOnLine(source, span)) masked += blankOut(data);
    else {
      masked += maskFor(pieces.length, data.length);
      maskedAt.set(span.start, piece);
    }
    at = span.end;
    pieces.push(piece);
    const token = group[0]!;
    const from = group.length === 1 && token.kind === 'tag' ? ruleFor(rules, token.name)?.translateArgsFrom : undefined;
    if (from !== undefined) {
      const text = argumentText(source, token, from);
      if (text) argumentTexts.push({ tag: token, span: text });
    }
  }
  masked += source.slice(at);
  if (pieces.length > 65536) throw new ArticleError(file, 1, 'more than 65,536 Liquid tags: split the article');
  return { masked, pieces, maskedAt, blocks, argumentTexts };
}
