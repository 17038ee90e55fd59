// Escapes translated text for the place it goes, so no translation can change an article's structure.
// Text is escaped with its neighbours in view: the characters of the codes (or source) right
// before and after it, and whether it starts a line.
import type { Syntax, Unit } from '../../model/types.ts';

/** `{{` and `{%` would be run by Liquid before Markdown is read: their brace becomes an entity. */
function escapeLiquidStart(text: string, next: string): string {
  return text.replace(/\{(?=[{%])/g, '&#123;').replace(/\{$/, (brace) => (next === '{' || next === '%' ? '&#123;' : brace));
}

/** What would open a block at the start of a line: heading, quote, list, rule, setext underline, kramdown definition or end-of-block marker. */
const LINE_START = /^([ \t]*)([#>+=:^-])/;
const LINE_START_NUMBER = /^([ \t]*\d+)([.)])/;

function escapeMarkdown(text: string, context: EscapeContext): string {
  const { next = '', previous = '' } = context;
  // `<` and `>` as entities: also right where kramdown and CommonMark disagree on HTML lines.
  let out = text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/[\\`*_[\]~|]/g, (ch) => `\\${ch}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // kramdown attribute lists and ids (`{:…}`, `{#id}`, `{.class}`) and math (`$$`).
    .replace(/\{(?=[:#.])/g, '\\{')
    .replace(/\$(?=\$)|(?<=\$)\$/g, '\\$');
  if (context.heading) out = out.replace(/#/g, '\\#');
  // At the edges, the neighbouring code's first and last characters count too.
  if (/^[:#.]/.test(next)) out = out.replace(/\{$/, '\\{');
  if (next === '[') out = out.replace(/!$/, '\\!');
  if (next === '$') out = out.replace(/(?<!\\)\$$/, '\\$');
  if (previous === '$') out = out.replace(/^\$/, '\\$');
  if (previous === '[') out = out.replace(/^\^/, '\\^');
  out = escapeLiquidStart(out, next);
  if (context.atLineStart) out = out.replace(LINE_START, '$1\\$2').replace(LINE_START_NUMBER, '$1\\$2');
  return out;
}

function escapeHtmlText(text: string, next = ''): string {
  return escapeLiquidStart(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), next);
}

function escapeHtmlAttribute(text: string, next = ''): string {
  return escapeHtmlText(text, next).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ARGUMENT_ENTITIES = new Map(Object.entries({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '*': '&#42;', _: '&#95;', '[': '&#91;', ']': '&#93;', '`': '&#96;', '|': '&#124;', '\\': '&#92;' }));

/**
 * A Liquid argument (an image caption) is printed by its tag into the page, where Markdown and HTML
 * read it: what either would take as markup becomes an entity. It cannot hold tag delimiters
 * either; a word joiner keeps them apart.
 */
function escapeLiquidArgument(text: string): string {
  return text.replace(/[&<>"*_[\]`|\\]/g, (ch) => ARGUMENT_ENTITIES.get(ch)!).replace(/([{%}])(?=[{%}])/g, '$1\u2060');
}

function escapeYaml(text: string, style: Unit['yamlStyle'], htmlEntities = false): string {
  if (htmlEntities) text = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (style === 'QUOTE_SINGLE') return text.replace(/'/g, "''");
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(text).slice(1, -1);
  // A plain scalar stays plain while it reads back as the same string; otherwise it is quoted.
  const plainIsSafe = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/.test(text) && !/:\s|\s$/.test(text) && !/^(?:true|false|yes|no|on|off|null|~|[-+.\d].*)$/i.test(text);
  return plainIsSafe ? text : JSON.stringify(text);
}

export interface EscapeContext {
  readonly syntax: Syntax;
  /** True when the text starts a line of Markdown (after indentation, list markers, `>` or a line break). */
  readonly atLineStart: boolean;
  /** The character written right before the text (a code's last, or the source's). */
  readonly previous?: string;
  /** The character written right after the text (a code's first, or the source's). */
  readonly next?: string;
  /** True in a heading, where a `#` could close the heading line. */
  readonly heading?: boolean;
  readonly yamlStyle?: Unit['yamlStyle'];
  /** A YAML value written with HTML entities: the translation is too. */
  readonly htmlEntities?: boolean;
}

export function escapeText(text: string, context: EscapeContext): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  switch (context.syntax) {
    case 'markdown':
    case 'table-cell':
      return escapeMarkdown(line, context);
    case 'html':
      return escapeHtmlText(line, context.next);
    case 'html-attribute':
      return escapeHtmlAttribute(line, context.next);
    case 'liquid-argument':
      return escapeLiquidArgument(line);
    case 'yaml':
      return escapeYaml(line, context.yamlStyle, context.htmlEntities);
  }
}
