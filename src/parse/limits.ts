// Stated limits of an article, checked in one linear pass before the expensive steps: remark-parse
// takes time growing faster than the nesting depth (400 list levels: 9 s, 800: 68 s) and overflows
// the stack in later tree walks past about 2,000 levels; it is superlinear in the number of block
// quotes too (1,500: 3.5 s, 4,000: 80 s). Each limit is far above the real corpus (138 articles:
// largest 40.8 KB, longest line 759 characters, deepest nesting 3 levels, at most 76 lines opening
// a block quote or list item, Liquid blocks at most 2 deep, HTML elements at most 4 deep).
import { ArticleError } from './problem.ts';

export const LIMITS = {
  /** Bytes of one article file. */
  articleBytes: 256 * 1024,
  /** Characters of one line. */
  lineLength: 10_000,
  /** Nested block quotes and list items at one line, counted from their markers and indentation. */
  nesting: 32,
  /** HTML elements open inside each other (counted over the tags of HTML, not placeholders like `<id>`). */
  htmlNesting: 32,
  /** Lines that open a block quote or a list item. */
  containerLines: 1_000,
  /** Liquid blocks open inside each other (`{% callout %}` in `{% capture %}`…). */
  liquidNesting: 32,
} as const;

const KB = (bytes: number) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;

/** Refuses a file too large to be an article before it is read whole. */
export function checkArticleSize(size: number, file: string): void {
  if (size > LIMITS.articleBytes) {
    throw new ArticleError(file, 1, `the article is ${KB(size)}, more than the limit of ${KB(LIMITS.articleBytes)}: split it into several articles`);
  }
}

/** Columns of the white space at the start of `line` from `at`, and where it ends (tabs stop at 4). */
function indentation(line: string, at: number): { columns: number; end: number } {
  let columns = 0;
  let i = at;
  for (; i < line.length; i++) {
    if (line[i] === ' ') columns++;
    else if (line[i] === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return { columns, end: i };
}

/** Elements that enclose content (void ones and `<p>`/`<li>`, often left open, aside). */
const HTML_CONTAINERS = new Set(
  'a abbr article aside b bdi bdo blockquote button caption cite code dd del details dfn div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header i ins kbd label legend main mark nav ol pre q s samp section small span strong sub summary sup table tbody td tfoot th thead tr u ul var video audio'.split(' '),
);
const HTML_TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(\/?)>/g;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * How deeply the line nests block quotes and list items: each `>` and list marker before its text
 * counts one, and so does every 2 columns of indentation before a marker (a nested list item).
 */
export function nestingOf(line: string): number {
  let depth = 0;
  let at = 0;
  for (;;) {
    const { columns, end } = indentation(line, at);
    const rest = line.slice(end, end + 12);
    if (line[end] === '>') {
      depth += 1 + Math.floor(columns / 2);
      at = end + 1;
      continue;
    }
    const marker = LIST_MARKER.exec(rest);
    if (!marker) return depth;
    depth += 1 + Math.floor(columns / 2);
    at = end + marker[0].length;
  }
}

/**
 * Refuses NUL characters, long lines, deep nesting and too many block quotes or list items, naming
 * the first offending line. Linear in the length of the text.
 */
export function checkArticleText(text: string, file: string): void {
  let line = 1;
  let start = 0;
  let containers = 0;
  let html = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > LIMITS.lineLength) {
      throw new ArticleError(file, line, `line ${line} has ${(end - start).toLocaleString('en-US')} characters, more than the limit of ${LIMITS.lineLength.toLocaleString('en-US')}: break it into shorter lines`);
    }
    const content = text.slice(start, end);
    if (content.includes('\u0000')) {
      throw new ArticleError(file, line, 'the line holds a NUL character (U+0000), which no text article has: the file is damaged or not Markdown; remove the character');
    }
    const depth = nestingOf(content);
    if (depth > LIMITS.nesting) {
      throw new ArticleError(file, line, `block quotes and lists are nested ${depth.toLocaleString('en-US')} levels deep here, more than the limit of ${LIMITS.nesting}: flatten the structure`);
    }
    for (const tag of content.includes('<') ? content.matchAll(HTML_TAG) : []) {
      if (tag[3] || !HTML_CONTAINERS.has(tag[2]!.toLowerCase())) continue;
      html = tag[1] ? Math.max(0, html - 1) : html + 1;
      if (html > LIMITS.htmlNesting) {
        throw new ArticleError(file, line, `HTML elements are nested ${html} deep here, more than the limit of ${LIMITS.htmlNesting}: close some before opening more`);
      }
    }
    if (depth > 0 && ++containers > LIMITS.containerLines) {
      throw new ArticleError(file, line, `more than ${LIMITS.containerLines.toLocaleString('en-US')} lines open a block quote or list item: split the article into several`);
    }
    line++;
    start = end + 1;
  }
}
