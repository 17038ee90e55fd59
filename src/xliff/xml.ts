// Escaping for the XML we write by hand, so every byte of a <source> is exactly what we mean.

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Any character escapeText changes (most texts have none and are returned as they are). */
// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** Any character escapeAttribute changes. */
// eslint-disable-next-line no-control-regex
const ATTRIBUTE_SPECIAL = /[&<>"\u0000-\u001F\uFFFE\uFFFF]/;

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
