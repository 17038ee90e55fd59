// Stated limits on what handbook reads and stores, and the characters text may hold. Input beyond a
// limit is refused with the limit named, before the expensive step, so no file can hang a command,
// exhaust memory or overflow the stack. The real corpus sits far below each one (README, "Limits").

export const LIMITS = {
  /** Bytes of one XLIFF file (the corpus's largest category file is 0.9 MB). */
  xliffBytes: 32 * 1024 * 1024,
  /** Nesting depth of XML elements (XLIFF as tools write it: at most 12; ours: 8). */
  xmlDepth: 64,
  /** Elements in one XLIFF file. */
  xmlElements: 1_000_000,
  /** Units in one XLIFF file (the corpus's largest category: 1,414). */
  unitsPerFile: 50_000,
  /** Characters of one unit's target, and of one stored text (the corpus's longest source: 830). */
  textLength: 32_768,
} as const;

/**
 * Characters no translation may carry into the store, and so into Markdown or HTML: C0 controls
 * except tab, line feed and carriage return, DEL and the C1 controls (HTML forbids control
 * characters in text), lone surrogates, and U+FFFE/U+FFFF (not characters in XML 1.0).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first forbidden character of a text, named (`U+001B`), or undefined when there is none. */
export function forbiddenCharacter(text: string): string | undefined {
  const found = FORBIDDEN.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** Whether a code point may stand in XML 1.0 text: `Char` of the XML 1.0 specification. */
export function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
