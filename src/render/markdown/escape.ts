// Escapes translated text for the place it goes, so no translation can change an article's structure.
import type { Syntax, Unit } from '../../model/types.ts';

/** `{{` and `{%` would be run by Liquid before Markdown is read: their brace becomes an entity. */
function escapeLiquidStart(text: string): string {
  return text.replace(/\{(?=[{%])/g, '&#123;');
}

function escapeMarkdown(text: string, atBlockStart: boolean): string {
  // `<` and `>` as entities: also right where kramdown and CommonMark disagree on HTML lines.
  let out = text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/[\\`*_[\]~|]/g, (ch) => `\\${ch}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\{(?=:)/g, '\\{');
  out = escapeLiquidStart(out);
  if (atBlockStart) {
    // What would open a heading, list, quote or rule at the start of a line.
    out = out.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  }
  return out;
}

function escapeHtmlText(text: string): string {
  return escapeLiquidStart(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

function escapeHtmlAttribute(text: string): string {
  return escapeHtmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ARGUMENT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '*': '&#42;', _: '&#95;', '[': '&#91;', ']': '&#93;', '`': '&#96;', '|': '&#124;', '\\': '&#92;' };

/**
 * A Liquid argument (an image caption) is printed by its tag into the page, where Markdown and HTML
 * read it: what either would take as markup becomes an entity. It cannot hold tag delimiters
 * either; a word joiner keeps them apart.
 */
function escapeLiquidArgument(text: string): string {
  return text.replace(/[&<>"*_[\]`|\\]/g, (ch) => ARGUMENT_ENTITIES[ch]!).replace(/([{%}])(?=[{%}])/g, '$1\u2060');
}

function escapeYaml(text: string, style: Unit['yamlStyle']): string {
  if (style === 'QUOTE_SINGLE') return text.replace(/'/g, "''");
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(text).slice(1, -1);
  // A plain scalar stays plain while it reads back as the same string; otherwise it is quoted.
  const plainIsSafe = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/.test(text) && !/:\s|\s$/.test(text) && !/^(?:true|false|yes|no|on|off|null|~|[-+.\d].*)$/i.test(text);
  return plainIsSafe ? text : JSON.stringify(text);
}

export interface EscapeContext {
  readonly syntax: Syntax;
  /** True when the text starts a line of Markdown (first text of a paragraph, heading, list item). */
  readonly atBlockStart: boolean;
  readonly yamlStyle?: Unit['yamlStyle'];
}

export function escapeText(text: string, context: EscapeContext): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  switch (context.syntax) {
    case 'markdown':
      return escapeMarkdown(line, context.atBlockStart);
    case 'table-cell':
      return escapeMarkdown(line, context.atBlockStart);
    case 'html':
      return escapeHtmlText(line);
    case 'html-attribute':
      return escapeHtmlAttribute(line);
    case 'liquid-argument':
      return escapeLiquidArgument(line);
    case 'yaml':
      return escapeYaml(line, context.yamlStyle);
  }
}
