// Writes an XLIFF package as 1.2 or 2.0 text: no pretty-printing inside <source>/<target>.
import { escapeText, attributes } from './xml.ts';
import { inline12, inline20, inlineText12, originalData20 } from './inline.ts';
import type { Segment } from '../model/types.ts';
import { locationNote, TOOL, type PackageFile, type PackageUnit, type XliffPackage, type XliffVersion } from './package.ts';

const STATE_12: Record<NonNullable<PackageUnit['state']>, string> = {
  'needs-review': 'needs-review-translation',
  translated: 'translated',
  reviewed: 'signed-off',
  final: 'final',
  outdated: 'needs-review-translation',
};
const STATE_20: Record<NonNullable<PackageUnit['state']>, string> = {
  'needs-review': 'translated',
  translated: 'translated',
  reviewed: 'reviewed',
  final: 'final',
  outdated: 'initial',
};

/** The characters kept as they are in an id: one character's test, and a whole string's (one regex test for the usual id). */
interface Kept {
  readonly one: RegExp;
  readonly all: RegExp;
}

const kept = (character: RegExp): Kept => ({ one: character, all: new RegExp(`^${character.source}*$`) });

/** Every character a tool could quote or split on (`#`, `:`, spaces…) as `~` and its code point in hex. */
function idSafe(text: string, keep: Kept): string {
  if (keep.all.test(text)) return text;
  return [...text].map((c) => (keep.one.test(c) ? c : `~${c.codePointAt(0)!.toString(16).toUpperCase()}~`)).join('');
}
const PATH_KEPT = kept(/[A-Za-z0-9._/-]/);
const ID_KEPT = kept(/[A-Za-z0-9._-]/);

/**
 * XLIFF 1.2 ids only need to be unique per <file>, but tools like translate-toolkit key units by id
 * across the whole document, so the id carries the article: `getting-started/install.md/p-3fa9c01b2e`.
 * Only letters, digits, `.`, `_`, `-`, `/` and `~` are used, so the id comes back unchanged
 * through PO location comments (translate-toolkit percent-encodes `#` and splits at `:`).
 * Merge reads the unit id from `resname`, or from the template unit a PO location names.
 */
export function qualifiedId12(original: string, unitId: string): string {
  return `${idSafe(original, PATH_KEPT)}/${idSafe(unitId, ID_KEPT)}`;
}

/** What a <target> holds when the unit has no translation yet. */
export type TargetMode = 'copy' | 'none';

export interface WriteOptions {
  /**
   * `copy`: a copy of the source marked `state="needs-translation"` (1.2) or `state="initial"`
   * (2.0), what OmegaT 3.6 needs to see a segment at all (it translates the <target>); `none`: no
   * <target>, for tools that take any target as a translation. Default: `copy` for 1.2, `none` for 2.0.
   */
  readonly target?: TargetMode;
  /**
   * 1.2 only. `tags`: codes as empty `<g>`/`<x/>` with `equiv-text` (CAT tools show them as tags);
   * `text`: codes as `<bpt>`/`<ept>`/`<ph>` holding their stand-in (`**`, `[link]`), for tools that
   * convert to plain text (translate-toolkit's xliff2po). Default `tags`.
   */
  readonly codes?: 'tags' | 'text';
}

/** A tool profile: the options a translator's tool needs. */
export const PROFILES = {
  /** OmegaT, Okapi, Trados, memoQ, Phrase: target copies, codes as tags. */
  cat: { target: 'copy', codes: 'tags' },
  /** translate-toolkit (xliff2po → PO editor → po2xliff / pomerge): empty targets, codes as text. */
  po: { target: 'none', codes: 'text' },
} as const satisfies Record<string, WriteOptions>;
export type Profile = keyof typeof PROFILES;

/**
 * OmegaT 3.6 shows codes as `<g0>…</g0>` and `<x1/>` (g for pairs, x for the others, numbered
 * from 0 in order of appearance) and hides `equiv-text`: the note tells what each one stands for.
 */
export function codesNote12(segments: readonly Segment[]): string | undefined {
  const seen = new Map<number, string>();
  const closings = new Map<number, string>();
  for (const segment of segments) if (segment.type === 'code' && segment.kind === 'close') closings.set(segment.id, segment.display);
  for (const segment of segments) {
    if (segment.type !== 'code' || segment.kind === 'close' || seen.has(segment.id)) continue;
    const n = seen.size;
    seen.set(segment.id, segment.kind === 'open' ? `<g${n}>…</g${n}> = ${segment.display}…${closings.get(segment.id) ?? ''}` : `<x${n}/> = ${segment.display}`);
  }
  return seen.size ? `Codes (keep them, do not translate them): ${[...seen.values()].join(' · ')}` : undefined;
}

function references12(references: PackageUnit['references']): string[] {
  return (references ?? []).map(
    (ref) =>
      `        <alt-trans${attributes({ 'match-quality': Math.round(ref.score), origin: ref.origin })}><source>${inline12(ref.source)}</source><target>${inline12(ref.target)}</target></alt-trans>`,
  );
}

function references20(references: PackageUnit['references']): string[] {
  if (!references?.length) return [];
  const matches = references.map(
    (ref) =>
      `<mtc:match${attributes({ matchQuality: ref.score.toFixed(1), origin: ref.origin, ref: '#s1', type: 'tm' })}><source>${inline20(ref.source, false)}</source><target>${inline20(ref.target, false)}</target></mtc:match>`,
  );
  return [`      <mtc:matches>${matches.join('')}</mtc:matches>`];
}

function unit12(original: string, { unit, target, state, revision, references }: PackageUnit, mode: TargetMode, inline: typeof inline12): string {
  // The source's markup, written once: a target copy is the same text.
  const source = inline(unit.segments);
  const lines = [
    `      <trans-unit${attributes({ id: qualifiedId12(original, unit.id), resname: unit.id, 'xml:space': 'preserve', ...(unit.anchor ? { extradata: `#${unit.anchor}` } : {}) })}>`,
    `        <source>${source}</source>`,
  ];
  if (target) lines.push(`        <target${attributes({ state: state ? STATE_12[state] : undefined })}>${inline(target)}</target>`);
  else if (mode === 'copy') lines.push(`        <target state="needs-translation">${source}</target>`);
  const codes = inline === inline12 ? codesNote12(unit.segments) : undefined;
  lines.push(
    `        <context-group purpose="location"><context context-type="sourcefile">${escapeText(unit.context.file)}</context><context context-type="linenumber">${unit.context.line}</context></context-group>`,
    `        <note from="developer">${escapeText(locationNote(unit))} (${unit.words} ${unit.words === 1 ? 'word' : 'words'})</note>`,
    ...(codes ? [`        <note from="handbook-codes">${escapeText(codes)}</note>`] : []),
    ...(revision !== undefined ? [`        <note from="handbook-revision">${revision}</note>`] : []),
    ...references12(references),
    '      </trans-unit>',
  );
  return lines.join('\n');
}

function file12(pkg: XliffPackage, file: PackageFile, mode: TargetMode, inline: typeof inline12): string {
  return [
    `  <file${attributes({ original: file.original, 'source-language': pkg.sourceLanguage, 'target-language': pkg.targetLanguage, datatype: 'x-markdown' })}>`,
    `    <header><tool${attributes({ 'tool-id': TOOL.id, 'tool-name': TOOL.name, 'tool-version': TOOL.version })}/></header>`,
    '    <body>',
    ...file.units.map((unit) => unit12(file.original, unit, mode, inline)),
    '    </body>',
    '  </file>',
  ].join('\n');
}

function unit20({ unit, target, state, revision, references }: PackageUnit, mode: TargetMode): string {
  const segmentState = state ? STATE_20[state] : 'initial';
  const revisionNote = revision !== undefined ? `<note category="handbook-revision">${revision}</note>` : '';
  const data = originalData20(unit.segments);
  // The source's markup, written once: a target copy is the same text.
  const source = inline20(unit.segments);
  return [
    `    <unit${attributes({ id: unit.id, name: unit.anchor ? `#${unit.anchor}` : undefined })}>`,
    ...references20(references),
    `      <notes><note category="location">${escapeText(locationNote(unit))}</note><note category="words">${unit.words}</note>${revisionNote}</notes>`,
    ...(data ? [`      ${data}`] : []),
    `      <segment${attributes({ state: segmentState })}><source xml:space="preserve">${source}</source>${target ? `<target xml:space="preserve">${inline20(target)}</target>` : mode === 'copy' ? `<target xml:space="preserve">${source}</target>` : ''}</segment>`,
    '    </unit>',
  ].join('\n');
}

function file20(file: PackageFile, index: number, mode: TargetMode): string {
  return [`  <file${attributes({ id: `f${index + 1}`, original: file.original })}>`, ...file.units.map((u) => unit20(u, mode)), '  </file>'].join('\n');
}

export function writeXliff(pkg: XliffPackage, version: XliffVersion, options: WriteOptions = {}): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  const mode = options.target ?? (version === '1.2' ? 'copy' : 'none');
  if (version === '1.2') {
    return [head, '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">', ...pkg.files.map((f) => file12(pkg, f, mode, options.codes === 'text' ? inlineText12 : inline12)), '</xliff>', ''].join('\n');
  }
  return [
    head,
    `<xliff${attributes({ xmlns: 'urn:oasis:names:tc:xliff:document:2.0', 'xmlns:mtc': 'urn:oasis:names:tc:xliff:matches:2.0', version: '2.0', srcLang: pkg.sourceLanguage, trgLang: pkg.targetLanguage })}>`,
    ...pkg.files.map((f, k) => file20(f, k, mode)),
    '</xliff>',
    '',
  ].join('\n');
}
