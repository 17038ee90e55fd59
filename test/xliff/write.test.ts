import test from 'ava';
import xliff from 'xliff';
import { qualifiedId12, writeXliff } from '../../src/xliff/write.ts';
import type { XliffPackage } from '../../src/xliff/package.ts';
import { parse } from '../helpers.ts';

const article = parse('---\ntitle: Tom & Jerry\n---\n\nUse **Save** & <b>close</b> the [guide]({{site.baseurl}}/a/) at 1 < 2.\n\nType `a<b>` then {% icon fa-x %}.\n', 'guide/tom.md');
const pkg: XliffPackage = { sourceLanguage: 'en', targetLanguage: 'de', files: [{ original: article.path, units: article.units.map((unit) => ({ unit })) }] };

test('1.2: codes are <g>/<x/> with readable equiv-text; text is escaped; <source> has no layout white space', (t) => {
  const xml = writeXliff(pkg, '1.2');
  t.true(xml.includes('<source>Tom &amp; Jerry</source>'));
  t.true(xml.includes('<source>Use <g id="1" ctype="bold" equiv-text="**">Save</g> &amp; <g id="2" ctype="x-html" equiv-text="&lt;b&gt;">close</g> the <g id="3" ctype="link" equiv-text="[link]">guide</g> at 1 &lt; 2.</source>'));
  t.true(xml.includes('<x id="1" ctype="x-code" equiv-text="`a&lt;b&gt;`"/>'));
  t.true(xml.includes('equiv-text="{% icon fa-x %}"'));
  t.true(xml.includes('id="guide/tom.md/fm-title"'));
  t.true(xml.includes('<target state="needs-translation">Tom &amp; Jerry</target>'), 'a copy of the source, as OmegaT needs');
  t.true(xml.includes('<note from="handbook-codes">Codes (keep them, do not translate them): &lt;x0/&gt; = `a&lt;b&gt;` · &lt;x1/&gt; = {% icon fa-x %}</note>'));
  t.false(writeXliff(pkg, '1.2', { target: 'none' }).includes('<target'));
  for (const source of xml.match(/<source>[\s\S]*?<\/source>/g)!) t.false(source.includes('\n'));
  t.false(/<source>[^<]*\{\{/.test(xml), 'Liquid is never text');
});

test('2.0: codes are <pc>/<ph/> pointing at <originalData> that keeps every byte', (t) => {
  const xml = writeXliff(pkg, '2.0');
  t.true(xml.includes('<data id="d3e">](' + '{{site.baseurl}}/a/)</data>'));
  t.regex(xml, /<pc id="3" canCopy="no" canDelete="no" dataRefEnd="d3e" dataRefStart="d3" dispEnd="\[\/link\]" dispStart="\[link\]" type="link">guide<\/pc>/);
  t.regex(xml, /<ph id="1" canCopy="no" canDelete="no" dataRef="d1" disp="`a&lt;b&gt;`" subType="hb:code" type="other"\/>/);
  t.false(xml.includes('<target'), '2.0 sends no target by default');
  t.true(xml.includes('srcLang="en" trgLang="de"'));
});

test('the xliff package reads every unit we write, in both versions', async (t) => {
  const js12 = await xliff.xliff12ToJs(writeXliff(pkg, '1.2'));
  t.is(Object.keys(js12.resources['guide/tom.md']!).length, article.units.length);
  const js20 = await xliff.xliff2js(writeXliff(pkg, '2.0'));
  t.is(Object.keys(js20.resources.f1!).length, article.units.length, '2.0 resources are keyed by file id');
});

test('1.2 unit ids: safe characters kept, the others as ~hex~ (a / kept in the path, not in the unit id)', (t) => {
  t.is(qualifiedId12('getting-started/install_1.md', 'p-3fa9c01b2e'), 'getting-started/install_1.md/p-3fa9c01b2e');
  t.is(qualifiedId12('a b/c#d.md', 'p-1:2/3'), 'a~20~b/c~23~d.md/p-1~3A~2~2F~3');
  t.is(qualifiedId12('', ''), '/');
});
