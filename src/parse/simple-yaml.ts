// A fast path for the front matter most articles have: `key: value` lines, each value a plain word
// run, a one-line quoted string, an integer of up to 9 digits (`04` octal, `08` decimal, as the yaml
// package reads them), true/false, null, or a flow list of plain words (`tags: [vault, sync]`), and
// `key:` lines followed by a block list of plain items (`redirect_from:` then `  - /article/x/`).
// Such a block is read here with the data and value positions the yaml package gives (YAML 1.1, as
// configured in front-matter.ts), without its lexer, CST and composer (about a twentieth of a cold
// extract's CPU). Anything else, or anything that could read differently (`yes` as a value or key,
// `a: b`, `#`, a repeated key, CRLF, white space other than spaces and tabs), is left to the yaml
// package: the fast path answers undefined. test/parse/simple-yaml.test.ts checks both agree on the
// corpus, the sample and generated blocks.

/** A string value of the front matter: the string and where it stands in the block, quotes included. */
export interface LocatedString {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly style: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';
}

/** What a front matter block says: its data, and each top-level key's last value when that is a string (undefined when it is anything else). */
export interface YamlRead {
  readonly data: Record<string, unknown>;
  readonly strings: ReadonlyMap<string, LocatedString | undefined>;
  /** What the yaml package warned about, at lines of the file (the fast path never has any). */
  readonly warnings?: readonly import('../model/types.ts').FileProblem[];
}

/**
 * `key: value` (a key of letters, digits, `_` and `-` starting with a letter, one space or more, the
 * value, spaces), or `key:` alone (null). Keys of at most 100 characters: YAML refuses an implicit
 * key over 1024.
 */
const LINE = /^([A-Za-z][A-Za-z0-9_-]{0,99}):(?: +(\S(?:.*\S)?))? *$/d;
/** Characters that may stand in a one-line value here: no control, line or paragraph separator, BOM or non-character. */
const PRINTABLE = '[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\uFEFF\\uFFFE\\uFFFF';
const DOUBLE_QUOTED = new RegExp(`^"(${PRINTABLE}"\\\\]*)"$`);
const SINGLE_QUOTED = new RegExp(`^'(${PRINTABLE}']*)'$`);
/**
 * A plain scalar starting with a letter, or with digits and then a letter that no YAML 1.1 number
 * has (`2fa`, `1password`; not `1e5`, `0x1F`, `0b1`, `0o7`), without `#` or `:` (comments, keys)
 * or brackets.
 */
const PLAIN = new RegExp(`^(?:[0-9]*[AC-DF-NP-WYZac-df-np-wyz]|[A-Za-z])${PRINTABLE}#:\\[\\]{}]*$`);
/** A flow list item: the same start, then only letters, digits, spaces, `.`, `_`, `-`. */
const FLOW_ITEM = /^(?:[0-9]*[AC-DF-NP-WYZac-df-np-wyz]|[A-Za-z])[A-Za-z0-9 ._-]*$/;
/** Plain words YAML 1.1 reads as booleans or null (in any case): only `true` and `false` are taken here. */
const NOT_A_STRING = /^(?:y|yes|n|no|true|false|on|off|null)$/i;
/** Up to 9 digits, read as the yaml package reads them with version 1.1: `04` octal, `08` (not octal) and `10` decimal. */
const SMALL_INTEGER = /^[0-9]{1,9}$/;
const OCTAL = /^0[0-7]+$/;
/**
 * An item of a block list under a key (`  - /article/x/`): indented, a plain word run starting with
 * `/` or a letter and ending with no space. Linear: the item's last character cannot be a space, so
 * trailing spaces are matched one way only (a lazy item before ` *$` was quadratic on long space runs).
 */
const LIST_ITEM = /^( +)- +([/A-Za-z](?:[A-Za-z0-9 ._/-]*[A-Za-z0-9._/-])?) *$/;

type Value = { readonly value: unknown; readonly style?: LocatedString['style'] };

/** A plain word run as YAML 1.1 resolves it, when that is certain. */
function plainValue(text: string): Value | undefined {
  if (!NOT_A_STRING.test(text)) return { value: text, style: 'PLAIN' };
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  return undefined;
}

/** The text without the spaces and tabs at its ends: what YAML takes as white space around a flow item (not NBSP, U+3000 or a BOM, which String.trim also strips). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(start, end);
}

function valueOf(text: string): Value | undefined {
  const first = text[0];
  if (first === '"') {
    const match = DOUBLE_QUOTED.exec(text);
    return match ? { value: match[1], style: 'QUOTE_DOUBLE' } : undefined;
  }
  if (first === "'") {
    const match = SINGLE_QUOTED.exec(text);
    return match ? { value: match[1], style: 'QUOTE_SINGLE' } : undefined;
  }
  if (first === '[') {
    if (text[text.length - 1] !== ']') return undefined;
    const inner = text.slice(1, -1);
    if (trimSpaces(inner) === '') return { value: [] };
    const items: string[] = [];
    for (const part of inner.split(',')) {
      const item = trimSpaces(part);
      if (!FLOW_ITEM.test(item) || NOT_A_STRING.test(item)) return undefined;
      items.push(item);
    }
    return { value: items };
  }
  if (SMALL_INTEGER.test(text)) return { value: OCTAL.test(text) ? Number.parseInt(text, 8) : Number(text) };
  return PLAIN.test(text) ? plainValue(text) : undefined;
}

/** The front matter block (between the fences, ending with its line end) read on the fast path, or undefined when the yaml package must read it. */
export function readSimpleYaml(raw: string): YamlRead | undefined {
  if (raw === '' || raw.includes('\r') || raw[raw.length - 1] !== '\n') return undefined;
  const data: Record<string, unknown> = {};
  const strings = new Map<string, LocatedString | undefined>();
  let at = 0;
  while (at < raw.length) {
    const end = raw.indexOf('\n', at);
    const match = LINE.exec(raw.slice(at, end));
    if (!match) return undefined;
    const key = match[1]!;
    // A repeated key, one every object has (`constructor`), or one YAML 1.1 reads as a boolean or
    // null (`yes:`, `on:`, `Null:`): the yaml package decides.
    if (strings.has(key) || key in Object.prototype || NOT_A_STRING.test(key)) return undefined;
    const text = match[2];
    let read: Value | undefined;
    if (text !== undefined) read = valueOf(text);
    else {
      // `key:` alone: null, or the block list on the lines after it.
      const list = blockList(raw, end + 1);
      if (!list) return undefined;
      read = { value: list.items.length ? list.items : null };
      at = list.end;
    }
    if (!read) return undefined;
    const start = at + match.indices![2]?.[0]!;
    strings.set(key, read.style ? { value: read.value as string, start, end: start + text!.length, style: read.style } : undefined);
    data[key] = read.value;
    at = Math.max(at, end + 1);
  }
  return { data, strings };
}

/** The items of the block list starting at `at` (none when the next line is no item), every item at one indent, and where it ends; undefined when unsure. */
function blockList(raw: string, at: number): { items: string[]; end: number } | undefined {
  const items: string[] = [];
  let indent: string | undefined;
  while (at < raw.length) {
    const end = raw.indexOf('\n', at);
    const line = raw.slice(at, end);
    if (!line.startsWith(' ') && !line.startsWith('-')) break;
    const match = LIST_ITEM.exec(line);
    if (!match || (indent !== undefined && match[1] !== indent) || NOT_A_STRING.test(match[2]!)) return undefined;
    indent = match[1]!;
    items.push(match[2]!);
    at = end + 1;
  }
  return { items, end: at };
}
