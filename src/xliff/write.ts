// Writes an XLIFF package as 1.2 or 2.0 text: no pretty-printing inside <source>/<target>.
import { escapeText, attributes } from './xml.ts';
import { inline12, inline20, originalData20 } from './inline.ts';
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

/**
 * XLIFF 1.2 ids only need to be unique per <file>, but tools like translate-toolkit key units by id
 * across the whole document, so the id carries the article: `getting-started/install.md#p-3fa9c01b2e`.
 */
export function qualifiedId12(original: string, unitId: string): string {
  return `${original}#${unitId}`;
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

function unit12(original: string, { unit, target, state, revision, references }: PackageUnit): string {
  const lines = [
    `      <trans-unit${attributes({ id: qualifiedId12(original, unit.id), resname: unit.id, 'xml:space': 'preserve', ...(unit.anchor ? { extradata: `#${unit.anchor}` } : {}) })}>`,
    `        <source>${inline12(unit.segments)}</source>`,
  ];
  if (target) lines.push(`        <target${attributes({ state: state ? STATE_12[state] : undefined })}>${inline12(target)}</target>`);
  lines.push(
    `        <context-group purpose="location"><context context-type="sourcefile">${escapeText(unit.context.file)}</context><context context-type="linenumber">${unit.context.line}</context></context-group>`,
    `        <note from="handbook">${escapeText(locationNote(unit))} (${unit.words} ${unit.words === 1 ? 'word' : 'words'})</note>`,
    ...(revision !== undefined ? [`        <note from="handbook-revision">${revision}</note>`] : []),
    ...references12(references),
    '      </trans-unit>',
  );
  return lines.join('\n');
}

function file12(pkg: XliffPackage, file: PackageFile): string {
  return [
    `  <file${attributes({ original: file.original, 'source-language': pkg.sourceLanguage, 'target-language': pkg.targetLanguage, datatype: 'x-markdown' })}>`,
    `    <header><tool${attributes({ 'tool-id': TOOL.id, 'tool-name': TOOL.name, 'tool-version': TOOL.version })}/></header>`,
    '    <body>',
    ...file.units.map((unit) => unit12(file.original, unit)),
    '    </body>',
    '  </file>',
  ].join('\n');
}

function unit20({ unit, target, state, revision, references }: PackageUnit): string {
  const segmentState = state ? STATE_20[state] : 'initial';
  const revisionNote = revision !== undefined ? `<note category="handbook-revision">${revision}</note>` : '';
  return [
    `    <unit${attributes({ id: unit.id, name: unit.anchor ? `#${unit.anchor}` : undefined })}>`,
    ...references20(references),
    `      <notes><note category="location">${escapeText(locationNote(unit))}</note><note category="words">${unit.words}</note>${revisionNote}</notes>`,
    ...(originalData20(unit.segments) ? [`      ${originalData20(unit.segments)}`] : []),
    `      <segment${attributes({ state: segmentState })}><source xml:space="preserve">${inline20(unit.segments)}</source>${target ? `<target xml:space="preserve">${inline20(target)}</target>` : ''}</segment>`,
    '    </unit>',
  ].join('\n');
}

function file20(file: PackageFile, index: number): string {
  return [`  <file${attributes({ id: `f${index + 1}`, original: file.original })}>`, ...file.units.map(unit20), '  </file>'].join('\n');
}

export function writeXliff(pkg: XliffPackage, version: XliffVersion): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  if (version === '1.2') {
    return [head, '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">', ...pkg.files.map((f) => file12(pkg, f)), '</xliff>', ''].join('\n');
  }
  return [
    head,
    `<xliff${attributes({ xmlns: 'urn:oasis:names:tc:xliff:document:2.0', 'xmlns:mtc': 'urn:oasis:names:tc:xliff:matches:2.0', version: '2.0', srcLang: pkg.sourceLanguage, trgLang: pkg.targetLanguage })}>`,
    ...pkg.files.map(file20),
    '</xliff>',
    '',
  ].join('\n');
}
