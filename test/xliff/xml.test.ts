// Escaping of the XML written by hand: the texts returned unchanged are exactly those without a
// character to escape, and every character that must be escaped is.
import test from 'ava';
import fc from 'fast-check';
import { attributes, escapeAttribute, escapeText } from '../../src/xliff/xml.ts';

const CHARACTERS = fc.constantFrom('a', ' ', 'é', '&', '<', '>', '"', "'", '\n', '\r', '\t', '\u0000', '\u0008', '\u000B', '\u001F', '\uFFFE', '\uFFFF', '\uFFFD', '😀', ';');
const TEXTS = fc.array(CHARACTERS, { maxLength: 12 }).map((chars) => chars.join(''));

test('escapeText: &, <, > as entities, characters XML forbids as U+FFFD, nothing else changed', (t) => {
  fc.assert(
    fc.property(TEXTS, (text) => {
      const expected = [...text].map((c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(c) ? '\uFFFD' : c)).join('');
      return escapeText(text) === expected;
    }),
  );
  t.is(escapeText('Settings → Vault'), 'Settings → Vault');
});

test('escapeAttribute: also ", line breaks and tabs as character references', (t) => {
  fc.assert(
    fc.property(TEXTS, (text) => escapeAttribute(text) === escapeText(text).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;')),
  );
  t.is(attributes({ id: 3, ctype: undefined, 'equiv-text': '<b a="1">' }), ' id="3" equiv-text="&lt;b a=&quot;1&quot;&gt;"');
});
