// Escaping for the XML we write by hand, so every byte of a <source> is exactly what we mean.

/** Characters XML 1.0 does not allow (written as U+FFFD), as a character-class body. */
const NOT_XML = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
const NOT_XML_CHAR = new RegExp(`[${NOT_XML}]`, 'g');
/** Any character escapeText changes (most texts have none and are returned as they are). */
const TEXT_SPECIAL = new RegExp(`[&<>${NOT_XML}]`);
/** Any character escapeAttribute changes (escapeText's, the quote, and the tab, newline and return it writes as references). */
const ATTRIBUTE_SPECIAL = new RegExp(`[&<>"\\t\\n\\r${NOT_XML}]`);

export function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(NOT_XML_CHAR, '\uFFFD');
}

export function escapeAttribute(text: string): string {
  if (!ATTRIBUTE_SPECIAL.test(text)) return text;
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export function attributes(pairs: Record<string, string | number | undefined>): string {
  let written = '';
  for (const name of Object.keys(pairs)) {
    const value = pairs[name];
    if (value !== undefined) written += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return written;
}
