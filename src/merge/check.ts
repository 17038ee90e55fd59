// Checks a returned target against its source: every inline code exactly once, pairs opened before
// they close and properly nested, and the text a translator typed kept as text.
import type { InlineToken } from '../xliff/read.ts';

type CodeToken = Extract<InlineToken, { type: 'code' }>;

const keyOf = (code: { id: string | number; kind: string }) => `${code.kind}:${code.id}`;

function describe(code: { id: string | number; kind: string }, displays: ReadonlyMap<string, string>): string {
  const display = displays.get(keyOf(code));
  const what = code.kind === 'standalone' ? 'code' : code.kind === 'open' ? 'opening code' : 'closing code';
  return `${what} ${code.id}${display ? ` (${display})` : ''}`;
}

/**
 * Returns what is wrong with the target's codes, or undefined when they match the source.
 * `displays` maps `kind:id` to what a translator saw, for the message.
 */
export function checkCodes(
  source: readonly { id: string | number; kind: string }[],
  target: readonly InlineToken[],
  displays: ReadonlyMap<string, string> = new Map(),
  /** `kind:id` of codes a translation may leave out (a plural form that spells out its number). */
  optional: ReadonlySet<string> = new Set(),
): string | undefined {
  const expected = new Map<string, number>();
  for (const code of source) expected.set(keyOf(code), (expected.get(keyOf(code)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const open: CodeToken[] = [];
  for (const token of target) {
    if (token.type !== 'code') continue;
    const key = keyOf(token);
    if (!expected.has(key)) return `the target adds ${describe(token, displays)}, which the source does not have: remove it`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (seen.get(key)! > expected.get(key)!) return `the target repeats ${describe(token, displays)}: keep it once`;
    if (token.kind === 'open') open.push(token);
    if (token.kind === 'close') {
      const top = open.pop();
      if (!top || top.id !== token.id) {
        return top
          ? `${describe(token, displays)} closes inside pair ${top.id}: codes must nest as in the source`
          : `${describe(token, displays)} comes before its opening code: keep each pair in order`;
      }
    }
  }
  for (const [key, count] of expected) {
    if ((seen.get(key) ?? 0) < count && !optional.has(key)) {
      const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      return `the target drops ${describe({ id, kind }, displays)}: put it back where it belongs`;
    }
  }
  return undefined;
}

type Token = { readonly type: 'text'; readonly value: string } | { readonly type: 'code'; readonly id: string | number; readonly kind: string };

/** For the text as a whole and for each pair (by id), whether it holds any character but white space. */
function wordsIn(tokens: readonly Token[]): { whole: boolean; pairs: Map<string, boolean> } {
  const pairs = new Map<string, boolean>();
  const open: string[] = [];
  let whole = false;
  for (const token of tokens) {
    if (token.type === 'text') {
      if (!/\S/.test(token.value)) continue;
      whole = true;
      for (const id of open) pairs.set(id, true);
    } else if (token.kind === 'open') {
      open.push(String(token.id));
      if (!pairs.has(String(token.id))) pairs.set(String(token.id), false);
    } else if (token.kind === 'close') open.splice(open.lastIndexOf(String(token.id)), 1);
  }
  return { whole, pairs };
}

/**
 * Returns what is wrong when a target whose codes match its source lost its text: nothing but codes
 * where the source has text, or a pair (a link, bold) left empty that holds text in the source, which
 * would publish an invisible link or stray markers. Undefined when every such place has text.
 */
export function checkText(source: readonly Token[], target: readonly Token[], displays: ReadonlyMap<string, string> = new Map()): string | undefined {
  const wanted = wordsIn(source);
  const found = wordsIn(target);
  if (wanted.whole && !found.whole) return 'the target has only codes and no text: translate the text, or leave the target empty to leave the unit untranslated';
  for (const [id, hasText] of wanted.pairs) {
    if (hasText && found.pairs.get(id) === false) return `the target leaves pair ${describe({ id, kind: 'open' }, displays)} empty, which holds text in the source: put the translated text inside it`;
  }
  return undefined;
}

/** White space a CAT tool or translator introduced: line breaks read as spaces, ends trimmed like the source. */
export function normalizeTarget(target: readonly InlineToken[], source: readonly InlineToken[]): InlineToken[] {
  const merged: InlineToken[] = [];
  for (const token of target) {
    const last = merged[merged.length - 1];
    if (token.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', value: last.value + token.value };
    else merged.push(token);
  }
  const out = merged.map((t) => (t.type === 'text' ? { type: 'text' as const, value: t.value.replace(/[ \t]*[\r\n]+\s*/g, ' ') } : t)).filter((t) => t.type !== 'text' || t.value !== '');
  const text = (t: InlineToken | undefined) => (t?.type === 'text' ? t.value : '');
  if (!/^\s/.test(text(source[0])) && out[0]?.type === 'text') out[0] = { type: 'text', value: out[0].value.trimStart() };
  const end = out.length - 1;
  if (!/\s$/.test(text(source[source.length - 1])) && out[end]?.type === 'text') out[end] = { type: 'text', value: (out[end] as { value: string }).value.trimEnd() };
  return out.filter((t) => t.type !== 'text' || t.value !== '');
}

export function isEmptyTarget(target: readonly InlineToken[] | undefined): boolean {
  return !target || target.every((t) => t.type === 'text' && t.value.trim() === '');
}

/** A code of the source with what the translator saw of it. */
export interface ShownCode {
  readonly id: number;
  readonly kind: 'open' | 'close' | 'standalone';
  readonly display: string;
}

/**
 * A target that came back as plain text (a PO entry: translate-toolkit keeps the stand-ins of
 * codes written as text, `**Settings**`, and drops the elements) with its codes found again by
 * their stand-ins: at each place the longest stand-in of a code not yet found, the first such code
 * in source order, a closing code only after its opening one. Undefined unless every code is found.
 */
export function codesFromText(target: readonly InlineToken[], codes: readonly ShownCode[]): InlineToken[] | undefined {
  if (codes.length === 0 || target.some((t) => t.type === 'code')) return undefined;
  const text = target.map((t) => (t.type === 'text' ? t.value : '')).join('');
  const used = new Set<number>();
  const opened = new Set<number>();
  const out: InlineToken[] = [];
  let run = '';
  for (let at = 0; at < text.length; ) {
    let best = -1;
    codes.forEach((code, k) => {
      if (used.has(k) || code.display === '' || (code.kind === 'close' && !opened.has(code.id))) return;
      if (text.startsWith(code.display, at) && (best < 0 || code.display.length > codes[best]!.display.length)) best = k;
    });
    if (best < 0) {
      run += text[at++];
      continue;
    }
    const code = codes[best]!;
    if (run) out.push({ type: 'text', value: run }), (run = '');
    out.push({ type: 'code', id: String(code.id), kind: code.kind });
    used.add(best);
    if (code.kind === 'open') opened.add(code.id);
    at += code.display.length;
  }
  if (run) out.push({ type: 'text', value: run });
  return used.size === codes.length ? out : undefined;
}
