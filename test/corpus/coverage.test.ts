// Measures the parser on the real corpus (../shared): does every word a reader sees end up in a unit,
// and does no unit's text carry markup a translator must not see?
//
// The reader's view of an article is computed here from the raw file, independently of src/parse,
// with the simple rules documented on `readerView` below. Both sides are cut into words with
// `wordsOf` (src/model/unit.ts) and compared as multisets, article by article.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/config.ts';
import { parseArticle, type ParseOptions } from '../../src/parse/article.ts';
import type { Article, Code, Segment, Unit } from '../../src/model/types.ts';
import { wordsOf } from '../../src/model/unit.ts';
import { SHARED_NEED, testIf } from '../helpers.ts';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const CORPUS = join(SHARED, 'corpus', 'bitwarden-help');
const ARTICLES = join(CORPUS, '_articles');
const SEED = join(SHARED, 'seed', 'ongoing-administration.md');
const SEED_NAME = 'seed/ongoing-administration.md';
/** A test on the corpus: visibly skipped (reason in its title) when ../shared is absent. */
const corpusTest = testIf(SHARED_NEED);

// ---------------------------------------------------------------------------------------------
// The corpus, parsed once.

interface Parsed {
  readonly name: string;
  readonly source: string;
  readonly article: Article;
}

function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(relative(folder, path).split(sep).join('/'));
    }
  };
  walk(folder);
  return found.sort();
}

let parsedCache: Parsed[] | undefined;
function corpus(): Parsed[] {
  if (parsedCache) return parsedCache;
  const config = loadConfig(CORPUS, { articles: ARTICLES });
  const options: ParseOptions = { liquid: config.liquid, translatableFrontMatter: ['title', 'description'] };
  const read = (name: string, file: string, path: string): Parsed => {
    const bytes = readFileSync(file);
    return { name, source: bytes.toString('utf8').replace(/^\uFEFF/, ''), article: parseArticle(path, bytes, options) };
  };
  parsedCache = [
    ...markdownFiles(ARTICLES).map((path) => read(path, join(ARTICLES, path), path)),
    read(SEED_NAME, SEED, 'ongoing-administration.md'),
  ];
  return parsedCache;
}

// ---------------------------------------------------------------------------------------------
// The reader's view, from the raw text.

const ENTITIES: Record<string, string> = { rarr: '→', larr: '←', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name] ?? all;
  });
}

/** A one-line YAML scalar as a reader sees it: quotes removed, escapes undone, a trailing comment dropped. */
function yamlScalar(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    return value.slice(1, -1).replace(/\\(["\\/])/g, '$1').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1).replace(/''/g, "'");
  return value.replace(/\s+#.*$/, '');
}

/**
 * Drops, line by line: fenced code blocks (``` or ~~~ fences, at any indent, so also inside list
 * items and callouts, or right after a list marker `1. ```; a fence closes at any indent, as
 * kramdown reads it; the list marker's own line is dropped with it), indented code blocks (a
 * line after a blank line, indented 4 or more spaces beyond the content of the list item it is in)
 * and link reference definitions (`[id]: url` lines, which are never shown).
 */
function dropCodeBlockLines(body: string): string {
  const out: string[] = [];
  let fence: { char: string; length: number } | undefined;
  let contentIndent = 0;
  let previousBlank = true;
  let inIndentedCode = false;
  for (const line of body.split('\n')) {
    const indent = /^[ ]*/.exec(line.replace(/\t/g, '    '))![0].length;
    const blank = line.trim() === '';
    if (!fence && !blank) {
      if ((previousBlank || inIndentedCode) && indent >= contentIndent + 4) {
        inIndentedCode = true;
        out.push('');
        continue;
      }
      inIndentedCode = false;
      const item = /^([ ]*)([-*+]|\d{1,9}[.)])([ ]+)\S/.exec(line);
      if (item) contentIndent = item[1]!.length + item[2]!.length + item[3]!.length;
      else if (indent === 0) contentIndent = 0;
    }
    previousBlank = blank;
    if (fence) {
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      out.push('');
      continue;
    }
    const open = /^\s*(?:(?:[-*+]|\d{1,9}[.)])[ ]+)?(`{3,}|~{3,})(.*)$/.exec(line);
    // A backtick fence's info string has no backtick (otherwise the line is a code span).
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      out.push('');
      continue;
    }
    if (/^ {0,3}\[[^\]]+\]:\s*\S+\s*$/.test(line)) {
      out.push('');
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Inline elements: their tags do not separate the words around them (`<b>Admin</b>'s`). */
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'cite', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u']);

/**
 * Text shown for an HTML tag: only its `alt` and `title` attribute values. Other tags read as a
 * space (`<br>`, `<div>`, `<li>`), inline tags as nothing.
 */
function tagText(tag: string, inline: boolean): string {
  const shown: string[] = [];
  for (const match of tag.matchAll(/\s(alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)) {
    shown.push(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return shown.length > 0 ? ` ${shown.join(' ')} ` : inline ? '' : ' ';
}

const BACKSLASH_UNDERSCORE = '\uF8FF';
const BACKSLASH_STAR = '\uF8FE';

/**
 * What a reader of the published page reads, as plain text. The rules, in order:
 * - front matter: only the values of `title` and `description` (one-line scalars; of a repeated
 *   key, the last);
 * - `{% comment %}…{% endcomment %}` and `<!-- … -->` are dropped whole;
 * - fenced code blocks (any indent, or after a list marker; closed by a fence of the same kind at
 *   any indent), indented code blocks (after a blank line, 4+ spaces beyond the current list
 *   item's content) and link reference definition lines are dropped;
 * - code spans (backtick runs of equal length) are dropped;
 * - `<script>`, `<style>` and `<iframe>` elements are dropped with their content;
 * - link destinations `](…)` and reference labels `][…]` are dropped without a space (`[Admin](…)'s`
 *   reads as one word), the link text is kept;
 * - autolinks `<scheme:…>` are dropped;
 * - Liquid: `{{ … }}` is dropped; `{% image path Caption words %}` keeps its caption (the
 *   arguments after the path); every other `{% … %}` tag is dropped, keeping what stands between
 *   block tags (callout bodies, captured tab panels, which Jekyll prints);
 * - kramdown attribute lists `{:…}` are dropped;
 * - link texts that are URLs (`[https://…]`) and bare URLs (`https://…`, `http://…`, `www.…`) are
 *   dropped; the brackets of link texts are dropped without a space (`more:[Vault]` is one word);
 * - HTML tags are dropped, keeping the text between them and their `alt`/`title` values; a tag
 *   reads as a space, except inline tags (`<b>`, `<i>`, `<a>`, `<span>`…), which read as nothing;
 * - emphasis markers are dropped without a space, so `**Admin**'s` reads as one word: every `*`,
 *   and runs of `_` at the edges of words (`__bold__`, `_it_`; `snake_case` and escaped `\_`/`\*` stay);
 * - HTML entities (a small table and numeric references) and backslash escapes are decoded.
 * Everything else dropped is replaced by a space, so words on either side do not fuse.
 */
function readerView(source: string): string {
  let body = source.replace(/^\uFEFF/, '');
  const parts: string[] = [];
  const frontMatter = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(body);
  if (frontMatter) {
    // A repeated key: the last one wins, as Jekyll reads YAML.
    const values = new Map<string, string>();
    for (const line of (frontMatter[1] ?? '').split(/\r?\n/)) {
      const pair = /^(title|description)\s*:(.*)$/.exec(line);
      if (pair) values.set(pair[1]!, yamlScalar(pair[2]!));
    }
    parts.push(...values.values());
    body = body.slice(frontMatter[0].length);
  }
  body = body.replace(/\r\n?/g, '\n');
  body = body.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, ' ');
  body = body.replace(/<!--[\s\S]*?-->/g, ' ');
  body = dropCodeBlockLines(body);
  body = body.replace(/(?<![`\\])(`+)(?!`)((?:(?!\n\s*\n)[\s\S])*?[^`])\1(?!`)/g, ' ');
  body = body.replace(/<(script|style|iframe)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  body = body.replace(/\]\((?:[^()\n]|\([^()\n]*\))*\)/g, ']');
  body = body.replace(/\]\[[^\]\n]*\]/g, ']');
  body = body.replace(/<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>/g, ' ');
  body = body.replace(/\{\{[\s\S]*?\}\}/g, ' ');
  body = body.replace(/\{%-?\s*([a-zA-Z_]\w*)([\s\S]*?)-?%\}/g, (_all, name: string, args: string) =>
    name === 'image' ? ` ${args.trim().split(/\s+/).slice(1).join(' ')} ` : ' ',
  );
  body = body.replace(/\{:[^}\n]*\}/g, ' ');
  body = body.replace(/\[\s*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\]\s]*\s*\]/gi, ' ');
  body = body.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?>/g, (tag, name: string) => tagText(tag, INLINE_TAGS.has(name.toLowerCase())));
  body = body.replace(/(?:https?:\/\/|www\.)[^\s<>()[\]"'`]*/gi, ' ');
  body = body.replace(/[[\]]/g, '');
  body = body.replace(/\\_/g, BACKSLASH_UNDERSCORE);
  body = body.replace(/(?<![\p{L}\p{N}_])_+|_+(?![\p{L}\p{N}_])/gu, '');
  body = body.replace(/\\\*/g, BACKSLASH_STAR).replace(/\*+/g, '').replace(new RegExp(BACKSLASH_STAR, 'g'), '\\*');
  body = body.replace(new RegExp(BACKSLASH_UNDERSCORE, 'g'), '\\_');
  body = decodeEntities(body);
  body = body.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  parts.push(body);
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Units as text.

/** A unit's words: its text segments, with a standalone code (`<br>`, an icon, a code span) as a space. */
function unitText(unit: Unit): string {
  return unit.segments.map((s) => (s.type === 'text' ? s.value : s.kind === 'standalone' ? ' ' : '')).join('');
}

function countsOf(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Words of `a` beyond what `b` has, as a multiset. */
function surplus(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [word, n] of a) {
    const more = n - (b.get(word) ?? 0);
    if (more > 0) out.set(word, more);
  }
  return out;
}

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** The most frequent words of per-article surpluses, with the articles they come from. */
function topWords(byArticle: Map<string, Map<string, number>>, limit: number): string[] {
  const total = new Map<string, { n: number; where: Map<string, number> }>();
  for (const [article, counts] of byArticle) {
    for (const [word, n] of counts) {
      const entry = total.get(word) ?? { n: 0, where: new Map<string, number>() };
      entry.n += n;
      entry.where.set(article, (entry.where.get(article) ?? 0) + n);
      total.set(word, entry);
    }
  }
  return [...total]
    .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([word, { n, where }]) => {
      const places = [...where].sort((a, b) => b[1] - a[1]);
      const shown = places.slice(0, 3).map(([article, k]) => `${article} ×${k}`).join(', ');
      return `${JSON.stringify(word)} ×${n} (${shown}${places.length > 3 ? `, +${places.length - 3} more` : ''})`;
    });
}

// ---------------------------------------------------------------------------------------------
// 1. Coverage

corpusTest('coverage: every word a reader sees is in some unit, and units add nothing else', (t) => {
  const articles = corpus();
  let readerWords = 0;
  let unitWords = 0;
  const missed = new Map<string, Map<string, number>>();
  const extra = new Map<string, Map<string, number>>();
  for (const { name, source, article } of articles) {
    const reader = countsOf(wordsOf(readerView(source)));
    const units = countsOf(article.units.flatMap((unit) => wordsOf(unitText(unit))));
    readerWords += sum(reader);
    unitWords += sum(units);
    const lost = surplus(reader, units);
    const added = surplus(units, reader);
    if (lost.size > 0) missed.set(name, lost);
    if (added.size > 0) extra.set(name, added);
  }
  const missedWords = [...missed.values()].reduce((a, m) => a + sum(m), 0);
  const extraWords = [...extra.values()].reduce((a, m) => a + sum(m), 0);
  const coverage = 1 - missedWords / readerWords;
  const extraShare = extraWords / unitWords;
  t.log(`articles: ${articles.length} (corpus ${articles.length - 1} + seed)`);
  t.log(`reader words: ${readerWords}`);
  t.log(`unit words: ${unitWords}`);
  t.log(`missed: ${missedWords} in ${missed.size} articles`);
  t.log(`extra: ${extraWords} in ${extra.size} articles (${(extraShare * 100).toFixed(3)}% of unit words)`);
  t.log(`coverage: ${(coverage * 100).toFixed(3)}%`);
  t.log(`most frequent missed words:\n  ${topWords(missed, 20).join('\n  ') || '(none)'}`);
  t.log(`most frequent extra words:\n  ${topWords(extra, 20).join('\n  ') || '(none)'}`);
  t.is(articles.length, 139, 'the corpus has 138 articles, plus the seed');
  t.true(coverage >= 0.995, `coverage ${(coverage * 100).toFixed(3)}% is below 99.5%`);
  t.true(extraShare <= 0.005, `extra words are ${(extraShare * 100).toFixed(3)}% of unit words, above 0.5%`);
});

// ---------------------------------------------------------------------------------------------
// 2. No leaks

const LEAKS: readonly [string, RegExp][] = [
  ['Liquid', /\{\{|\}\}|\{%|%\}/],
  ['URL', /https:\/\/|http:\/\/|www\./i],
  ['mask character', /[\uE000-\uE1FF]/],
  ['code span', /`[^`]*`/],
];

corpusTest('no leaks: no text segment holds Liquid, a URL, a mask character or a code span', (t) => {
  let units = 0;
  let segments = 0;
  const leaks: string[] = [];
  for (const { name, article } of corpus()) {
    for (const unit of article.units) {
      units++;
      for (const segment of unit.segments) {
        if (segment.type !== 'text') continue;
        segments++;
        for (const [what, pattern] of LEAKS) {
          if (pattern.test(segment.value)) leaks.push(`${name}:${unit.context.line} ${what} in ${unit.kind}: ${JSON.stringify(segment.value)}`);
        }
      }
    }
  }
  t.log(`units checked: ${units} (${segments} text segments), leaks: ${leaks.length}`);
  if (leaks.length > 0) t.log(`leaks:\n  ${leaks.slice(0, 50).join('\n  ')}`);
  t.true(units > 0);
  t.deepEqual(leaks, []);
});

// ---------------------------------------------------------------------------------------------
// 3. The seed article

function seed(): Parsed {
  return corpus().find((p) => p.name === SEED_NAME)!;
}

interface Cell {
  readonly table: number;
  readonly row: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The cells of the seed's pipe tables, found by reading the lines (header and data rows). */
function tableCells(source: string): Cell[] {
  const cells: Cell[] = [];
  let table = -1;
  let row = 0;
  let inTable = false;
  let offset = 0;
  for (const line of source.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    if (!inTable) {
      inTable = true;
      table++;
      row = 0;
    }
    if (/^\|[\s|:-]+\|?\s*$/.test(line)) continue; // the delimiter row
    const pipes = [...line.matchAll(/\|/g)].map((m) => m.index!);
    for (let k = 0; k + 1 < pipes.length; k++) {
      const start = lineStart + pipes[k]! + 1;
      const end = lineStart + pipes[k + 1]!;
      cells.push({ table, row, column: k, start, end, text: source.slice(start, end) });
    }
    row++;
  }
  return cells;
}

const within = (unit: Unit, cell: Cell) => unit.span.start >= cell.start && unit.span.end <= cell.end;
const codes = (segments: readonly Segment[]) => segments.filter((s): s is Code => s.type === 'code');

corpusTest('seed: one unit per table cell of both tables', (t) => {
  const { source, article } = seed();
  const cells = tableCells(source);
  const tables = new Set(cells.map((c) => c.table));
  t.is(tables.size, 2);
  for (const table of tables) {
    const rows = cells.filter((c) => c.table === table);
    t.true(rows.every((c) => c.column < 3), `table ${table + 1} has 3 columns`);
    t.log(`table ${table + 1}: ${rows.length / 3} rows (header + ${rows.length / 3 - 1} data) × 3 columns = ${rows.length} cells`);
  }
  t.is(cells.length, 27 + 21, 'table 1: header + 8 rows; table 2: header + 6 rows');
  const tableUnits = article.units.filter((u) => u.kind === 'table-cell');
  t.is(tableUnits.length, cells.length, 'as many table-cell units as cells');
  for (const cell of cells) {
    const inside = article.units.filter((u) => within(u, cell));
    t.is(inside.length, 1, `table ${cell.table + 1}, row ${cell.row}, column ${cell.column + 1} (${cell.text.trim().slice(0, 40)})`);
    t.is(inside[0]?.kind, 'table-cell');
  }
});

corpusTest('seed: the Resources cell with two links and <br><br> is one unit', (t) => {
  const { source, article } = seed();
  const cell = tableCells(source).find((c) => c.table === 0 && c.row === 1 && c.column === 2)!;
  t.true(cell.text.includes('User Onboarding') && cell.text.includes('User Offboarding'));
  const inside = article.units.filter((u) => within(u, cell));
  t.is(inside.length, 1);
  const unit = inside[0]!;
  const all = codes(unit.segments);
  const links = all.filter((c) => c.role === 'link');
  t.is(links.filter((c) => c.kind === 'open').length, 2, 'two link openings');
  t.is(links.filter((c) => c.kind === 'close').length, 2, 'two link closings');
  for (const open of links.filter((c) => c.kind === 'open')) {
    t.is(links.filter((c) => c.id === open.id && c.kind === 'close').length, 1, `link ${open.id} is closed once`);
  }
  const breaks = all.filter((c) => c.role === 'html' && c.kind === 'standalone' && c.data === '<br>');
  t.is(breaks.length, 2, 'two standalone <br> codes');
  const texts = unit.segments.filter((s) => s.type === 'text').map((s) => s.value.trim());
  t.true(texts.includes('User Onboarding'), JSON.stringify(texts));
  t.true(texts.includes('User Offboarding'), JSON.stringify(texts));
});

corpusTest('seed: {{site.baseurl}} is in code data, never in text', (t) => {
  const { article } = seed();
  const segments = article.units.flatMap((u) => u.segments);
  t.false(segments.some((s) => s.type === 'text' && s.value.includes('{{site.baseurl}}')));
  const inCodes = codes(segments).filter((c) => c.data.includes('{{site.baseurl}}')).length;
  t.log(`codes holding {{site.baseurl}}: ${inCodes}`);
  t.true(inCodes > 0);
});

corpusTest('seed: the title is a front-matter unit, and order: 04 is left alone', (t) => {
  const { source, article } = seed();
  const title = article.units.filter((u) => u.kind === 'front-matter' && unitText(u) === 'Ongoing Administration');
  t.is(title.length, 1);
  const at = source.indexOf('order: 04');
  t.true(at >= 0);
  const lineStart = source.lastIndexOf('\n', at) + 1;
  const lineEnd = source.indexOf('\n', at);
  const covering = article.units.filter((u) => u.span.start < lineEnd && u.span.end > lineStart);
  t.deepEqual(covering.map((u) => `${u.id} ${u.span.start}-${u.span.end}`), []);
  t.truthy(article.frontMatter);
  t.true(article.frontMatter!.raw.includes('order: 04'));
  t.is(source.slice(article.frontMatter!.span.start, article.frontMatter!.span.end), article.frontMatter!.raw);
});
