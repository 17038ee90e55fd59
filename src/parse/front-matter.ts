// Front matter: read (by the fast path of simple-yaml.ts, else by the yaml package) for its data
// and the places of the values to translate, so every byte around them (keys, order, quoting,
// `order: 04`) stays as written. What yaml warns about becomes a warning of the article.
import { decodeNamedCharacterReference, isCollection, isMap, isPair, isScalar, parseDocument, visit, type Document } from './libraries.ts';
import { readSimpleYaml, type LocatedString, type YamlRead } from './simple-yaml.ts';
import type { FileProblem, FrontMatter, Segment, Span, Unit } from '../model/types.ts';
import { hasTranslatableText } from '../model/unit.ts';
import type { UnitDraft } from './draft.ts';
import { ArticleError } from './problem.ts';

/** `---` fences at the very start, as Jekyll and remark-frontmatter read them (group 1: the block between them). */
export const FENCED = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

export interface FrontMatterRead {
  readonly frontMatter: FrontMatter | undefined;
  /** Offset where the Markdown body starts. */
  readonly bodyStart: number;
  /** Each top-level key's last value when it is a string (where it stands), for frontMatterDrafts. */
  readonly strings?: YamlRead['strings'];
  /** What the yaml package warned about (an unresolved tag…), each at its line of the file. */
  readonly warnings?: readonly FileProblem[];
}

/** Offset where the Markdown body starts, after any front matter. */
export function bodyStartOf(source: string): number {
  return FENCED.exec(source)?.[0].length ?? 0;
}

export function readFrontMatter(source: string, file: string): FrontMatterRead {
  const fenced = FENCED.exec(source);
  if (!fenced) return { frontMatter: undefined, bodyStart: 0 };
  const raw = fenced[1] ?? '';
  const rawStart = source.indexOf('\n') + 1;
  const { data, strings, warnings } = readSimpleYaml(raw) ?? readYaml(raw, file);
  return {
    frontMatter: { raw, span: { start: rawStart, end: rawStart + raw.length }, data },
    bodyStart: fenced[0].length,
    strings,
    ...(warnings?.length ? { warnings } : {}),
  };
}

/** The line of the file (the block starts on line 2) of a yaml error or warning, at most the block's last line. */
function fileLineOf(problem: unknown, raw: string): number {
  const linePos = (problem as { linePos?: { line: number }[] }).linePos;
  // The parser may notice a problem at the end of the block: the line is at most the last one of it.
  const lastLine = Math.max(1, raw.split('\n').length - 1);
  return linePos?.[0] ? Math.min(linePos[0].line, lastLine) + 1 : 1;
}

/** What the yaml package says is wrong, without its line and column within the block (the message names the file's line). */
function yamlReason(problem: unknown): string {
  return String((problem as Error).message).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** A key that is a list or a mapping (`[a, b]: value`): refused, as Jekyll's data would hold it as text. */
function refuseCollectionKeys(document: Document.Parsed, raw: string, file: string): void {
  const lines = raw.split('\n');
  visit(document, {
    Pair(_, pair) {
      if (!isPair(pair) || !isCollection(pair.key)) return;
      const start = pair.key.range?.[0] ?? 0;
      const line = raw.slice(0, start).split('\n').length + 1;
      throw new ArticleError(file, Math.min(line, lines.length), 'front matter has a key that is a list or a mapping (like "[a, b]: value"): fix the YAML between the --- lines (keys are plain words, like "title")');
    },
  });
}

/** The front matter block read by the yaml package (any YAML); throws ArticleError naming the line when it is not valid or not a mapping. */
export function readYaml(raw: string, file: string): YamlRead {
  // YAML 1.1 and repeated keys (the last one wins), as Jekyll reads front matter. The block
  // between the fences is parsed as it stands, so CRLF lines end at the same place as LF ones.
  // One parse gives both the data and where each value is (what yaml's parse() does, kept).
  let document: Document.Parsed;
  let parsed: unknown;
  try {
    document = parseDocument(raw, YAML_OPTIONS);
    if (document.errors[0]) throw document.errors[0];
    refuseCollectionKeys(document, raw, file);
    // toJS throws too, on an alias bomb (yaml's maxAliasCount).
    parsed = document.toJS();
  } catch (error) {
    if (error instanceof ArticleError) throw error;
    const reason = yamlReason(error);
    throw new ArticleError(file, fileLineOf(error, raw), `front matter is not valid YAML (${reason}): fix the YAML between the --- lines`);
  }
  const warnings = document.warnings.map((warning) => ({
    file,
    line: fileLineOf(warning, raw),
    message: `front matter: ${yamlReason(warning)}: fix the YAML between the --- lines`,
  }));
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
    throw new ArticleError(file, 2, 'front matter must be "key: value" lines (a YAML mapping), like "title: Install": fix the YAML between the --- lines');
  }
  return { data: (parsed ?? {}) as Record<string, unknown>, strings: stringsOf(document), ...(warnings.length ? { warnings } : {}) };
}

/** Each top-level key's last value, when it is a string scalar with a place in the block. */
function stringsOf(document: Document.Parsed): Map<string, LocatedString | undefined> {
  const strings = new Map<string, LocatedString | undefined>();
  if (!isMap(document.contents)) return strings;
  for (const { key, value } of document.contents.items) {
    if (!isScalar(key) || typeof key.value !== 'string') continue;
    const located = isScalar(value) && typeof value.value === 'string' && value.range;
    strings.set(key.value, located ? { value: value.value as string, start: value.range![0], end: value.range![1], style: (value.type ?? 'PLAIN') as LocatedString['style'] } : undefined);
  }
  return strings;
}

/** `logLevel: 'error'`: yaml prints nothing itself (document.warnings is still filled; they become the article's warnings). */
const YAML_OPTIONS = { version: '1.1', uniqueKeys: false, logLevel: 'error' } as const;

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-zA-Z][a-zA-Z0-9]{0,31}));/g;

/**
 * Jekyll prints front matter values into HTML as they are, so `Import &amp; Export` reads as
 * "Import & Export": values are decoded for translators and readers. Unknown names stay as written.
 */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) {
      const decoded = decodeNamedCharacterReference(name);
      return decoded === false ? whole : decoded;
    }
    const code = Number.parseInt(hex ?? dec!, hex ? 16 : 10);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? whole : String.fromCodePoint(code);
  });
}

const LIQUID_IN_TEXT = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/** Units for the configured keys whose values are strings (`strings`: where they are, from readFrontMatter). */
export function frontMatterDrafts(frontMatter: FrontMatter, keys: readonly string[], strings: YamlRead['strings']): UnitDraft[] {
  const drafts: UnitDraft[] = [];
  for (const key of keys) {
    const value = strings.get(key);
    if (!value) continue;
    const style = value.style;
    const quoted = style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE';
    const { start, end } = value;
    const span: Span = { start: frontMatter.span.start + start + (quoted ? 1 : 0), end: frontMatter.span.start + end - (quoted ? 1 : 0) };
    const decoded = decodeEntities(value.value);
    const segments = splitLiquid(decoded);
    if (!hasTranslatableText(segments)) continue;
    // A value written with entities gets its translation written with them too.
    const entities = decoded !== value.value ? { htmlEntities: true } : {};
    drafts.push({ kind: 'front-matter', syntax: 'yaml', element: `front matter ${key}`, segments, span, yamlStyle: style as Unit['yamlStyle'], ...entities });
  }
  return drafts;
}

/** Text of a YAML value, with any Liquid in it locked as codes. */
function splitLiquid(value: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  let id = 1;
  for (const match of value.matchAll(LIQUID_IN_TEXT)) {
    if (match.index! > at) segments.push({ type: 'text', value: value.slice(at, match.index) });
    segments.push({ type: 'code', id: id++, kind: 'standalone', role: 'liquid', data: match[0], display: match[0] });
    at = match.index! + match[0].length;
  }
  if (at < value.length) segments.push({ type: 'text', value: value.slice(at) });
  return segments;
}
