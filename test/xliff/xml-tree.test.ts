// The XML reader's refusals: one message with the line, what is wrong and what to do, no position twice.
import test from 'ava';
import { parseXml, XmlError } from '../../src/xliff/xml-tree.ts';

const refusal = (xml: string) => {
  const error = (() => {
    try {
      parseXml(xml);
    } catch (caught) {
      return caught;
    }
    throw new Error('the XML was read');
  })();
  if (!(error instanceof XmlError)) throw error;
  return error;
};

test('an HTML entity (&nbsp;) is named, with what to write instead', (t) => {
  const error = refusal('<a>\n<b>x</b>\n<b>Hallo&nbsp;Welt &amp; &#160;</b>\n</a>');
  t.is(error.line, 3);
  t.is(error.reason, '&nbsp; is not defined in XML (only &amp; &lt; &gt; &quot; &apos; are): write the character itself, or its number (&#160; for &nbsp;)');
});

test('a file cut short or broken says so, with the column, and not the position twice', (t) => {
  const cut = refusal('<a>\n<b>text</b>\n<b>more');
  t.is(cut.line, 3);
  t.regex(cut.reason, /^the XML is not well-formed \(unclosed tag: b, column \d+\): the file is damaged or cut short; save or export it again from the translation tool$/);
  const wrong = refusal('<a>\n<b></a>');
  t.is(wrong.line, 2);
  t.regex(wrong.reason, /^the XML is not well-formed \(unexpected close tag, column \d+\)/);
  t.notRegex(wrong.reason, /^\d+:\d+/);
});

test('a file that is not well-formed: the line, and saxes\' reason without its own line:column prefix or final period', (t) => {
  const error = t.throws(() => parseXml('<xliff>\n<target>Tom & Jerry;</target>\n</xliff>'), { instanceOf: XmlError });
  t.is(error.line, 2);
  t.false(/^\d+:\d+/.test(error.reason), error.reason);
  t.false(error.reason.endsWith('.'), error.reason);
  t.regex(error.reason, /entity/);
});
