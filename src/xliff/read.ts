// Reads XLIFF 1.2 and 2.0 as this project writes them and as CAT tools rewrite them: other
// prefixes, foreign elements, segmentation (<mrk mtype="seg">, split or joined <segment>s),
// states, CDATA. Inline codes come back as ids; the merge checks them against the source.
// Stated limits (file size, depth, units, target length) are checked here; no walk recurses
// deeper than the stated XML depth.
import { readFileSync, statSync } from 'node:fs';
import { forbiddenCharacter, isXmlChar, LIMITS } from '../model/limits.ts';
import type { CodeRole } from '../model/types.ts';
import { childElements, parseXml, XmlError, type XmlElement } from './xml-tree.ts';
import type { XliffVersion } from './package.ts';

export const NS_12 = 'urn:oasis:names:tc:xliff:document:1.2';
export const NS_20 = 'urn:oasis:names:tc:xliff:document:2.0';
/** translate-toolkit's po2xliff writes the units it adds in the XLIFF 1.1 namespace, inside 1.2 documents. */
const NS_11 = 'urn:oasis:names:tc:xliff:document:1.1';

export type InlineToken =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'code'; readonly id: string; readonly kind: 'open' | 'close' | 'standalone'; readonly role?: CodeRole };

/** How far a target has come, as the file says. */
export type ReadState = 'translated' | 'reviewed' | 'final';

export interface ReadUnit {
  /** The unit id in our model (1.2 `path#id` and `resname` are resolved). */
  readonly id: string;
  readonly line: number;
  readonly source: readonly InlineToken[];
  /** Undefined when the unit has no target, or a target explicitly marked as not translated. */
  readonly target: readonly InlineToken[] | undefined;
  readonly state: ReadState;
  /**
   * The file marks the target as not translated yet: 1.2 `state="new"` or `"needs-translation"`,
   * 2.0 every segment `initial`. Merge takes such a target as a translation only when it differs from the source.
   */
  readonly fresh: boolean;
  /** The 1.2 `restype` attribute as written, if any (`x-gettext-domain-header` for a PO header). */
  readonly restype?: string;
  /** The 1.2 `approved` attribute as written, if any. */
  readonly approved?: string;
  /** The unit's id attribute as written (1.2: `path/unit`). */
  readonly xliffId: string;
  /** Source locations a tool wrote (translate-toolkit's `po-reference` context: the template unit's id). */
  readonly locations: readonly string[];
  /** The store revision the unit was extracted at, when the file carries it. */
  readonly revision: number | undefined;
  /** A problem in how the unit is written (a segment without target), found while reading. */
  readonly problem?: string;
}

export interface ReadFile {
  readonly original: string;
  readonly line: number;
  readonly sourceLanguage: string | undefined;
  readonly targetLanguage: string | undefined;
  readonly units: readonly ReadUnit[];
}

export interface ReadXliff {
  readonly version: XliffVersion;
  readonly files: readonly ReadFile[];
}

export { XmlError };

const ROLE_OF_CTYPE = new Map<string, CodeRole>([
  ['bold', 'strong'], ['x-strong', 'strong'], ['italic', 'emphasis'], ['x-emphasis', 'emphasis'], ['x-delete', 'delete'],
  ['link', 'link'], ['x-link', 'link'], ['image', 'image'], ['x-image', 'image'], ['x-code', 'code'], ['x-html', 'html'],
  ['x-liquid', 'liquid'], ['lb', 'break'], ['x-break', 'break'], ['x-attributes', 'attributes'], ['x-control', 'control'],
]);

const ROLE_OF_SUBTYPE = new Map<string, CodeRole>([
  ['xlf:b', 'strong'], ['xlf:i', 'emphasis'], ['xlf:lb', 'break'], ['hb:delete', 'delete'], ['hb:code', 'code'],
  ['hb:html', 'html'], ['hb:liquid', 'liquid'], ['hb:attributes', 'attributes'], ['hb:control', 'control'],
]);

function role20(element: XmlElement): CodeRole | undefined {
  const { type, subType } = element.attrs;
  const bySubType = ROLE_OF_SUBTYPE.get(subType ?? '');
  if (bySubType) return bySubType;
  if (type === 'link') return 'link';
  if (type === 'image') return 'image';
  return undefined;
}

/**
 * What one inline element stands for: tokens before and after its content, and whether its
 * content is text of the unit. One table per XLIFF version; elements not in it hold no text.
 */
interface InlineMeaning {
  readonly before?: InlineToken;
  readonly descend: boolean;
  readonly after?: InlineToken;
}
type InlineHandler = (element: XmlElement, problems: string[]) => InlineMeaning;

const TRANSPARENT: InlineMeaning = { descend: true };
const NOTHING: InlineMeaning = { descend: false };
const code = (id: string, kind: 'open' | 'close' | 'standalone', role: CodeRole | undefined): InlineToken => ({ type: 'code', id, kind, role });
const pair = (id: string, role: CodeRole | undefined): InlineMeaning => ({ before: code(id, 'open', role), descend: true, after: code(id, 'close', role) });

/** 1.2: g/x/bx/ex/bpt/ept/ph/it as codes, mrk transparent, <sub> and anything else no text of the unit. */
const INLINE_12 = new Map<string, InlineHandler>([
  ['g', (e) => pair(e.attrs.id ?? '', ROLE_OF_CTYPE.get(e.attrs.ctype ?? ''))],
  ['bx', (e) => ({ before: code(e.attrs.rid ?? e.attrs.id ?? '', 'open', ROLE_OF_CTYPE.get(e.attrs.ctype ?? '')), descend: false })],
  ['bpt', (e) => ({ before: code(e.attrs.rid ?? e.attrs.id ?? '', 'open', ROLE_OF_CTYPE.get(e.attrs.ctype ?? '')), descend: false })],
  ['ex', (e) => ({ before: code(e.attrs.rid ?? e.attrs.id ?? '', 'close', ROLE_OF_CTYPE.get(e.attrs.ctype ?? '')), descend: false })],
  ['ept', (e) => ({ before: code(e.attrs.rid ?? e.attrs.id ?? '', 'close', ROLE_OF_CTYPE.get(e.attrs.ctype ?? '')), descend: false })],
  ['x', (e) => ({ before: code(e.attrs.id ?? '', 'standalone', ROLE_OF_CTYPE.get(e.attrs.ctype ?? '')), descend: false })],
  ['ph', (e) => ({ before: code(e.attrs.id ?? '', 'standalone', ROLE_OF_CTYPE.get(e.attrs.ctype ?? '')), descend: false })],
  ['it', (e) => ({ before: code(e.attrs.id ?? '', 'standalone', ROLE_OF_CTYPE.get(e.attrs.ctype ?? '')), descend: false })],
  ['mrk', () => TRANSPARENT],
]);

/**
 * A 2.0 `<cp hex="…"/>` as its character. XLIFF 2.0 has `<cp>` for characters XML cannot carry,
 * but none of those may reach a translation: a code point XML 1.0 does not allow, or one that is
 * not a Unicode scalar value, is a problem of the unit (its place kept by U+FFFD, so the target
 * is not taken for empty).
 */
function codePoint(element: XmlElement, problems: string[]): InlineMeaning {
  const hex = element.attrs.hex ?? '';
  const value = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? Number.parseInt(hex, 16) : Number.NaN;
  const where = `<cp hex="${hex.slice(0, 16)}"/> at line ${element.line}`;
  if (Number.isNaN(value)) problems.push(`${where} is not a hexadecimal code point: write the character itself`);
  else if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) problems.push(`${where} is not a Unicode scalar value (U+0000–U+10FFFF, no surrogates): remove it`);
  else if (!isXmlChar(value)) problems.push(`${where} is U+${hex.toUpperCase().padStart(4, '0')}, a character XML 1.0 does not allow (a control character or non-character) and no handbook may show: remove it`);
  else return { before: { type: 'text', value: String.fromCodePoint(value) }, descend: false };
  return { before: { type: 'text', value: '\uFFFD' }, descend: false };
}

/** 2.0: pc/ph/sc/ec as codes, mrk transparent, cp as its character. */
const INLINE_20 = new Map<string, InlineHandler>([
  ['pc', (e) => pair(e.attrs.id ?? '', role20(e))],
  ['sc', (e) => ({ before: code(e.attrs.id ?? '', 'open', role20(e)), descend: false })],
  ['ec', (e) => ({ before: code(e.attrs.startRef ?? e.attrs.id ?? '', 'close', role20(e)), descend: false })],
  ['ph', (e) => ({ before: code(e.attrs.id ?? '', 'standalone', role20(e)), descend: false })],
  ['cp', codePoint],
  ['mrk', () => TRANSPARENT],
]);

/**
 * Inline content of a <source>/<target> as tokens, walked with an explicit stack (no recursion).
 * Elements of other namespaces are transparent: their text is the unit's.
 */
function inlineTokens(element: XmlElement, ns: string, handlers: ReadonlyMap<string, InlineHandler>, out: InlineToken[], problems: string[]): InlineToken[] {
  const stack: { element: XmlElement; next: number; after?: InlineToken }[] = [{ element, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.element.children.length) {
      stack.pop();
      if (frame.after) out.push(frame.after);
      continue;
    }
    const child = frame.element.children[frame.next++]!;
    if (typeof child === 'string') {
      out.push({ type: 'text', value: child });
      continue;
    }
    const meaning = child.ns !== ns ? TRANSPARENT : (handlers.get(child.name)?.(child, problems) ?? NOTHING);
    if (meaning.before) out.push(meaning.before);
    if (meaning.descend) stack.push({ element: child, next: 0, ...(meaning.after ? { after: meaning.after } : {}) });
    else if (meaning.after) out.push(meaning.after);
  }
  return out;
}

const inline12 = (element: XmlElement, out: InlineToken[], problems: string[]) => inlineTokens(element, NS_12, INLINE_12, out, problems);
const inline20 = (element: XmlElement, out: InlineToken[], problems: string[]) => inlineTokens(element, NS_20, INLINE_20, out, problems);

/** What is wrong with a target's text itself: a forbidden character, or more than the stated length. */
function targetProblem(target: readonly InlineToken[] | undefined): string | undefined {
  if (!target) return undefined;
  let length = 0;
  for (const token of target) {
    if (token.type !== 'text') continue;
    length += token.value.length;
    const forbidden = forbiddenCharacter(token.value);
    if (forbidden) return `the target contains ${forbidden}, a control character or lone surrogate that no handbook may show: remove it`;
  }
  if (length > LIMITS.textLength) return `the target is ${length.toLocaleString('en')} characters long, over the limit of ${LIMITS.textLength.toLocaleString('en')}: split the text`;
  return undefined;
}

/**
 * The unit id is `resname`; without it, the last part of a 1.2 id qualified with the article
 * (`a.md/p-…`, or `a.md#p-…` as written before), its `~hex~` escapes undone.
 */
function unitId12(unit: XmlElement): string {
  const id = unit.attrs.id ?? '';
  if (unit.attrs.resname !== undefined) return unit.attrs.resname;
  if (id.includes('#')) return id.slice(id.lastIndexOf('#') + 1);
  const last = id.slice(id.lastIndexOf('/') + 1);
  return last.replace(/~([0-9A-F]{1,6})~/g, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)));
}

/** Locations translate-toolkit's po2xliff gives the units it adds: the ids of the PO entries' `#:` lines. */
function locationsOf(unit: XmlElement): string[] {
  return childElements(unit, 'context-group', NS_12)
    .filter((group) => group.attrs.name === 'po-reference')
    .flatMap((group) => childElements(group, 'context', NS_12).filter((c) => c.attrs['context-type'] === 'sourcefile'))
    .map((context) => context.children.filter((c): c is string => typeof c === 'string').join('').trim());
}

function revisionOf(notes: XmlElement[]): number | undefined {
  const note = notes.find((n) => n.attrs.from === 'handbook-revision' || n.attrs.category === 'handbook-revision');
  const value = note ? Number(note.children.join('')) : Number.NaN;
  return Number.isInteger(value) ? value : undefined;
}

const STATE_12 = new Map<string, ReadState>([['signed-off', 'reviewed'], ['final', 'final']]);
const FRESH_12 = new Set(['new', 'needs-translation']);

/** The first problem of a unit: how it is written, then its target's text. */
function firstProblem(problems: readonly string[], target: readonly InlineToken[] | undefined): { problem?: string } {
  const problem = problems[0] ?? targetProblem(target);
  return problem ? { problem } : {};
}

function readUnit12(unit: XmlElement): ReadUnit {
  const source = childElements(unit, 'source', NS_12)[0];
  const target = childElements(unit, 'target', NS_12)[0];
  const written = target?.attrs.state ?? '';
  const state = unit.attrs.approved === 'yes' ? 'reviewed' : (STATE_12.get(written) ?? 'translated');
  const problems: string[] = [];
  const targetTokens = target ? inline12(target, [], problems) : undefined;
  return {
    id: unitId12(unit),
    xliffId: unit.attrs.id ?? '',
    line: unit.line,
    source: source ? inline12(source, [], problems) : [],
    target: targetTokens,
    state,
    fresh: FRESH_12.has(written),
    ...(unit.attrs.approved !== undefined ? { approved: unit.attrs.approved } : {}),
    ...(unit.attrs.restype !== undefined ? { restype: unit.attrs.restype } : {}),
    locations: locationsOf(unit),
    revision: revisionOf(childElements(unit, 'note', NS_12)),
    ...firstProblem(problems, targetTokens),
  };
}

const STATE_RANK = new Map<string, number>([['initial', 0], ['translated', 1], ['reviewed', 2], ['final', 3]]);

function readUnit20(unit: XmlElement): ReadUnit {
  const source: InlineToken[] = [];
  const target: InlineToken[] = [];
  const problems: string[] = [];
  let translatedSegments = 0;
  let segments = 0;
  let rank = 3;
  for (const part of childElements(unit).filter((c) => c.ns === NS_20 && (c.name === 'segment' || c.name === 'ignorable'))) {
    const partSource = childElements(part, 'source', NS_20)[0];
    const partTarget = childElements(part, 'target', NS_20)[0];
    if (partSource) inline20(partSource, source, problems);
    if (part.name === 'ignorable') {
      // Text between segments: its target if it has one, else the source is kept as it is.
      const kept = partTarget ?? partSource;
      if (kept) inline20(kept, target, problems);
      continue;
    }
    segments++;
    if (partTarget) {
      translatedSegments++;
      inline20(partTarget, target, problems);
    }
    rank = Math.min(rank, STATE_RANK.get(part.attrs.state ?? 'translated') ?? 1);
  }
  const notes = childElements(childElements(unit, 'notes', NS_20)[0] ?? unit, 'note', NS_20);
  if (translatedSegments > 0 && translatedSegments < segments) {
    problems.unshift(`only ${translatedSegments} of ${segments} segments have a target: translate the others or clear them all`);
  }
  const targetTokens = translatedSegments > 0 ? target : undefined;
  return {
    id: unit.attrs.id ?? '',
    xliffId: unit.attrs.id ?? '',
    line: unit.line,
    source,
    target: targetTokens,
    state: rank >= 3 ? 'final' : rank === 2 ? 'reviewed' : 'translated',
    fresh: rank === 0,
    locations: [],
    revision: revisionOf(notes),
    ...firstProblem(problems, targetTokens),
  };
}

/** Units of a <file>, also those in nested <group>s, in document order; an explicit stack, no recursion. */
function descendants(element: XmlElement, name: string, ns: string): XmlElement[] {
  const found: XmlElement[] = [];
  const pending = childElements(element).reverse();
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.ns !== ns) continue;
    if (next.name === name) found.push(next);
    else if (next.name === 'group' || next.name === 'body') pending.push(...childElements(next).reverse());
  }
  return found;
}

/** Each <file> and its unit elements, refused when they are more than the stated limit. */
function unitElements(root: XmlElement, ns: string, unitName: string): { file: XmlElement; units: XmlElement[] }[] {
  const files = childElements(root, 'file', ns).map((file) => ({ file, units: descendants(file, unitName, ns) }));
  const all = files.flatMap((f) => f.units);
  const beyond = all[LIMITS.unitsPerFile];
  if (beyond) throw new XmlError(beyond.line, `the file has ${all.length.toLocaleString('en')} units, over the limit of ${LIMITS.unitsPerFile.toLocaleString('en')}: split it`);
  return files;
}

/** The bytes of an XLIFF file, refused before reading when the file is over the stated size. */
export function readXliffBytes(path: string): Uint8Array {
  const size = statSync(path).size;
  if (size > LIMITS.xliffBytes) throw new XmlError(1, `the file is ${(size / 1048576).toFixed(1)} MiB, over the limit of ${LIMITS.xliffBytes / 1048576} MiB: split it`);
  return readFileSync(path);
}

/**
 * The tree with XLIFF 1.1 elements read as 1.2 (the two differ in nothing this reader uses). The
 * recursion is bounded: parseXml refuses trees deeper than LIMITS.xmlDepth.
 */
function as12(element: XmlElement): XmlElement {
  return { ...element, ns: element.ns === NS_11 ? NS_12 : element.ns, children: element.children.map((c) => (typeof c === 'string' ? c : as12(c))) };
}

export function readXliff(text: string): ReadXliff {
  if (text.length > LIMITS.xliffBytes) throw new XmlError(1, `the file is over the limit of ${LIMITS.xliffBytes / 1048576} MiB: split it`);
  const start = /\S/.exec(text);
  if (!start) throw new XmlError(1, 'the file is empty: it was cut short or not saved; return it again');
  if (start[0] !== '<') {
    const line = text.slice(0, start.index).split('\n').length;
    throw new XmlError(line, 'this is not XML, so not an XLIFF file (a PO file goes back to XLIFF first: po2xliff -t, see For translators)');
  }
  const parsed = parseXml(text);
  const root = parsed.ns === NS_12 ? as12(parsed) : parsed;
  if (root.name !== 'xliff') throw new XmlError(root.line, `the root element is <${root.name}>, not <xliff>: this is not an XLIFF file`);
  const version = root.attrs.version;
  if (root.ns === NS_12 && version === '1.2') {
    const files = unitElements(root, NS_12, 'trans-unit').map(({ file, units }) => ({
      original: file.attrs.original ?? '',
      line: file.line,
      sourceLanguage: file.attrs['source-language'],
      targetLanguage: file.attrs['target-language'],
      units: units.map(readUnit12),
    }));
    return { version: '1.2', files };
  }
  if (root.ns === NS_20 && (version === '2.0' || version === '2.1')) {
    const files = unitElements(root, NS_20, 'unit').map(({ file, units }) => ({
      original: file.attrs.original ?? '',
      line: file.line,
      sourceLanguage: root.attrs.srcLang,
      targetLanguage: root.attrs.trgLang,
      units: units.map(readUnit20),
    }));
    return { version: '2.0', files };
  }
  throw new XmlError(root.line, `XLIFF version "${version ?? '?'}" in namespace "${root.ns}" is not supported: export XLIFF 1.2 or 2.0`);
}
