// Reads XLIFF 1.2 and 2.0 as this project writes them and as CAT tools rewrite them: other
// prefixes, foreign elements, segmentation (<mrk mtype="seg">, split or joined <segment>s),
// states, CDATA. Inline codes come back as ids; the merge checks them against the source.
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

// Values read from files are looked up in Maps only: `ctype="constructor"` is no key of ours.
const ROLE_OF_CTYPE = new Map<string, CodeRole>(Object.entries({
  bold: 'strong', 'x-strong': 'strong', italic: 'emphasis', 'x-emphasis': 'emphasis', 'x-delete': 'delete',
  link: 'link', 'x-link': 'link', image: 'image', 'x-image': 'image', 'x-code': 'code', 'x-html': 'html',
  'x-liquid': 'liquid', lb: 'break', 'x-break': 'break', 'x-attributes': 'attributes', 'x-control': 'control',
} as const));

const ROLE_OF_SUBTYPE = new Map<string, CodeRole>(Object.entries({
  'xlf:b': 'strong', 'xlf:i': 'emphasis', 'xlf:lb': 'break', 'hb:delete': 'delete', 'hb:code': 'code',
  'hb:html': 'html', 'hb:liquid': 'liquid', 'hb:attributes': 'attributes', 'hb:control': 'control',
} as const));

function role20(element: XmlElement): CodeRole | undefined {
  const { type, subType } = element.attrs;
  const bySubType = ROLE_OF_SUBTYPE.get(subType ?? '');
  if (bySubType) return bySubType;
  if (type === 'link') return 'link';
  if (type === 'image') return 'image';
  return undefined;
}

/** Inline content of a 1.2 <source>/<target>: g/x/bx/ex/bpt/ept/ph/it as codes, mrk transparent. */
function inline12(element: XmlElement, out: InlineToken[] = []): InlineToken[] {
  for (const child of element.children) {
    if (typeof child === 'string') {
      out.push({ type: 'text', value: child });
      continue;
    }
    const id = child.attrs.id ?? '';
    const role = ROLE_OF_CTYPE.get(child.attrs.ctype ?? '');
    if (child.ns !== NS_12) inline12(child, out);
    else if (child.name === 'g') {
      out.push({ type: 'code', id, kind: 'open', role });
      inline12(child, out);
      out.push({ type: 'code', id, kind: 'close', role });
    } else if (child.name === 'bx' || child.name === 'bpt') out.push({ type: 'code', id: child.attrs.rid ?? id, kind: 'open', role });
    else if (child.name === 'ex' || child.name === 'ept') out.push({ type: 'code', id: child.attrs.rid ?? id, kind: 'close', role });
    else if (child.name === 'x' || child.name === 'ph' || child.name === 'it') out.push({ type: 'code', id, kind: 'standalone', role });
    else if (child.name === 'mrk') inline12(child, out);
    // <sub> and anything else hold no text of the unit.
  }
  return out;
}

/** Inline content of a 2.0 <source>/<target>: pc/ph/sc/ec as codes, mrk/sm/em transparent, cp as its character. */
function inline20(element: XmlElement, out: InlineToken[] = []): InlineToken[] {
  for (const child of element.children) {
    if (typeof child === 'string') {
      out.push({ type: 'text', value: child });
      continue;
    }
    const id = child.attrs.id ?? '';
    if (child.ns !== NS_20) inline20(child, out);
    else if (child.name === 'pc') {
      out.push({ type: 'code', id, kind: 'open', role: role20(child) });
      inline20(child, out);
      out.push({ type: 'code', id, kind: 'close', role: role20(child) });
    } else if (child.name === 'sc') out.push({ type: 'code', id, kind: 'open', role: role20(child) });
    else if (child.name === 'ec') out.push({ type: 'code', id: child.attrs.startRef ?? id, kind: 'close', role: role20(child) });
    else if (child.name === 'ph') out.push({ type: 'code', id, kind: 'standalone', role: role20(child) });
    else if (child.name === 'cp') {
      const code = Number.parseInt(child.attrs.hex ?? '', 16);
      if (Number.isFinite(code)) out.push({ type: 'text', value: String.fromCodePoint(code) });
    } else if (child.name === 'mrk') inline20(child, out);
  }
  return out;
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

function readUnit12(unit: XmlElement): ReadUnit {
  const source = childElements(unit, 'source', NS_12)[0];
  const target = childElements(unit, 'target', NS_12)[0];
  const written = target?.attrs.state ?? '';
  const state = unit.attrs.approved === 'yes' ? 'reviewed' : (STATE_12.get(written) ?? 'translated');
  return {
    id: unitId12(unit),
    xliffId: unit.attrs.id ?? '',
    line: unit.line,
    source: source ? inline12(source) : [],
    target: target ? inline12(target) : undefined,
    state,
    fresh: FRESH_12.has(written),
    ...(unit.attrs.approved !== undefined ? { approved: unit.attrs.approved } : {}),
    ...(unit.attrs.restype !== undefined ? { restype: unit.attrs.restype } : {}),
    locations: locationsOf(unit),
    revision: revisionOf(childElements(unit, 'note', NS_12)),
  };
}

const STATE_RANK = new Map([['initial', 0], ['translated', 1], ['reviewed', 2], ['final', 3]]);

function readUnit20(unit: XmlElement): ReadUnit {
  const source: InlineToken[] = [];
  const target: InlineToken[] = [];
  let translatedSegments = 0;
  let segments = 0;
  let rank = 3;
  for (const part of childElements(unit).filter((c) => c.ns === NS_20 && (c.name === 'segment' || c.name === 'ignorable'))) {
    const partSource = childElements(part, 'source', NS_20)[0];
    const partTarget = childElements(part, 'target', NS_20)[0];
    if (partSource) inline20(partSource, source);
    if (part.name === 'ignorable') {
      // Text between segments: its target if it has one, else the source is kept as it is.
      const kept = partTarget ?? partSource;
      if (kept) inline20(kept, target);
      continue;
    }
    segments++;
    if (partTarget) {
      translatedSegments++;
      inline20(partTarget, target);
    }
    rank = Math.min(rank, STATE_RANK.get(part.attrs.state ?? 'translated') ?? 1);
  }
  const notes = childElements(childElements(unit, 'notes', NS_20)[0] ?? unit, 'note', NS_20);
  const partial = translatedSegments > 0 && translatedSegments < segments;
  return {
    id: unit.attrs.id ?? '',
    xliffId: unit.attrs.id ?? '',
    line: unit.line,
    source,
    target: translatedSegments > 0 ? target : undefined,
    state: rank >= 3 ? 'final' : rank === 2 ? 'reviewed' : 'translated',
    fresh: rank === 0,
    locations: [],
    revision: revisionOf(notes),
    ...(partial ? { problem: `only ${translatedSegments} of ${segments} segments have a target: translate the others or clear them all` } : {}),
  };
}

/** Units of 1.2 files may sit in nested <group>s. */
function descendants(element: XmlElement, name: string, ns: string): XmlElement[] {
  return childElements(element).flatMap((child) => (child.ns !== ns ? [] : child.name === name ? [child] : child.name === 'group' || child.name === 'body' ? descendants(child, name, ns) : []));
}

/** The tree with XLIFF 1.1 elements read as 1.2 (the two differ in nothing this reader uses). */
function as12(element: XmlElement): XmlElement {
  return { ...element, ns: element.ns === NS_11 ? NS_12 : element.ns, children: element.children.map((c) => (typeof c === 'string' ? c : as12(c))) };
}

export function readXliff(text: string): ReadXliff {
  const parsed = parseXml(text);
  const root = parsed.ns === NS_12 ? as12(parsed) : parsed;
  if (root.name !== 'xliff') throw new XmlError(root.line, `the root element is <${root.name}>, not <xliff>: this is not an XLIFF file`);
  const version = root.attrs.version;
  if (root.ns === NS_12 && version === '1.2') {
    return {
      version: '1.2',
      files: childElements(root, 'file', NS_12).map((file) => ({
        original: file.attrs.original ?? '',
        line: file.line,
        sourceLanguage: file.attrs['source-language'],
        targetLanguage: file.attrs['target-language'],
        units: descendants(file, 'trans-unit', NS_12).map(readUnit12),
      })),
    };
  }
  if (root.ns === NS_20 && (version === '2.0' || version === '2.1')) {
    return {
      version: '2.0',
      files: childElements(root, 'file', NS_20).map((file) => ({
        original: file.attrs.original ?? '',
        line: file.line,
        sourceLanguage: root.attrs.srcLang,
        targetLanguage: root.attrs.trgLang,
        units: descendants(file, 'unit', NS_20).map(readUnit20),
      })),
    };
  }
  throw new XmlError(root.line, `XLIFF version "${version ?? '?'}" in namespace "${root.ns}" is not supported: export XLIFF 1.2 or 2.0`);
}
