// The reader accepts XLIFF as other tools write it: real files and the OASIS 2.1 valid suite.
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXliff } from '../../src/xliff/read.ts';
import { writeXliff } from '../../src/xliff/write.ts';
import { SHARED, SHARED_NEED, parse, testIf } from '../helpers.ts';

test('what we write reads back: ids, sources and targets with their codes', (t) => {
  const article = parse('Use **Save**<br>and [the guide]({{site.baseurl}}/a/) now.\n', 'a/b.md');
  const units = article.units.map((unit) => ({ unit, target: unit.segments, state: 'reviewed' as const, revision: 3 }));
  for (const version of ['1.2', '2.0'] as const) {
    const read = readXliff(writeXliff({ sourceLanguage: 'en', targetLanguage: 'de', files: [{ original: 'a/b.md', units }] }, version));
    t.is(read.version, version);
    const [file] = read.files;
    t.is(file!.original, 'a/b.md');
    t.is(file!.targetLanguage, 'de');
    const [unit] = file!.units;
    t.is(unit!.id, article.units[0]!.id);
    t.is(unit!.revision, 3);
    t.is(unit!.state, 'reviewed');
    t.deepEqual(unit!.target!.filter((x) => x.type === 'code').map((c) => `${c.type === 'code' ? c.kind : ''}:${c.type === 'code' ? c.id : ''}`), ['open:1', 'close:1', 'standalone:2', 'open:3', 'close:3']);
  }
});

test('CAT-tool forms: other prefixes, alt-trans, seg-source/mrk segments, bpt/ept, split 2.0 segments, CDATA, cp', (t) => {
  const v12 = `<?xml version="1.0"?><x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" xmlns:o="urn:other" version="1.2"><x:file original="a.md" source-language="en" target-language="de" datatype="plaintext"><x:body><x:group><x:trans-unit id="a.md#p-1" resname="p-1" o:extra="1"><x:source>Hi <x:g id="1">there</x:g></x:source><x:seg-source><x:mrk mtype="seg" mid="0">Hi <x:g id="1">there</x:g></x:mrk></x:seg-source><x:target state="signed-off"><x:mrk mtype="seg" mid="0"><![CDATA[Hallo & ]]><x:bpt id="1">&lt;b&gt;</x:bpt>da<x:ept id="1">&lt;/b&gt;</x:ept></x:mrk></x:target><x:alt-trans match-quality="80"><x:source>Hi</x:source><x:target>Servus</x:target></x:alt-trans><o:foreign/></x:trans-unit></x:group></x:body></x:file></x:xliff>`;
  const [unit12] = readXliff(v12).files[0]!.units;
  t.is(unit12!.id, 'p-1');
  t.is(unit12!.state, 'reviewed');
  t.deepEqual(unit12!.target, [{ type: 'text', value: 'Hallo & ' }, { type: 'code', id: '1', kind: 'open', role: undefined }, { type: 'text', value: 'da' }, { type: 'code', id: '1', kind: 'close', role: undefined }]);
  const v20 = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file id="f1" original="a.md"><unit id="p-1"><segment state="final"><source>One.</source><target>Eins.</target></segment><ignorable><source> </source></ignorable><segment state="reviewed"><source>Two<cp hex="0021"/></source><target>Zwei<cp hex="0021"/></target></segment></unit></file></xliff>`;
  const [unit20] = readXliff(v20).files[0]!.units;
  t.deepEqual(unit20!.target, [{ type: 'text', value: 'Eins.' }, { type: 'text', value: ' ' }, { type: 'text', value: 'Zwei' }, { type: 'text', value: '!' }]);
  t.is(unit20!.state, 'reviewed', 'a unit is as far as its least advanced segment');
});

testIf(SHARED_NEED)('real XLIFF written by Angular, Okapi and Memsource reads without error', (t) => {
  const dir = join(SHARED, 'xliff/real');
  for (const name of readdirSync(dir)) {
    const read = readXliff(readFileSync(join(dir, name), 'utf8'));
    const units = read.files.flatMap((f) => f.units);
    t.true(units.length > 0, name);
    t.true(units.some((u) => u.target && u.target.length > 0), `${name} has targets`);
    t.log(`${name}: XLIFF ${read.version}, ${units.length} units`);
  }
});

testIf(SHARED_NEED)('every valid file of the OASIS XLIFF 2.1 test suite reads without error', (t) => {
  const dir = join(SHARED, 'xliff/oasis-2.1-test-suite/core/valid');
  const files = readdirSync(dir).filter((name) => name.endsWith('.xlf'));
  const failed = files.filter((name) => {
    try {
      readXliff(readFileSync(join(dir, name), 'utf8'));
      return false;
    } catch {
      return true;
    }
  });
  t.deepEqual(failed, []);
  t.log(`${files.length} valid files read`);
});

test('a file that is not XML (a PO file, an empty file) is refused saying what it is, not as damaged XML', (t) => {
  const po = t.throws(() => readXliff('# German translation\nmsgid ""\nmsgstr ""\n'))!;
  t.is((po as Error & { line: number }).line, 1);
  t.is((po as Error & { reason: string }).reason, 'this is not XML, so not an XLIFF file (a PO file goes back to XLIFF first: po2xliff -t, see For translators)');
  t.regex((t.throws(() => readXliff('\n\n  msgid "x"'))! as Error).message, /^line 3: this is not XML/);
  for (const empty of ['', '\n \r\n\t']) t.is((t.throws(() => readXliff(empty))! as Error & { reason: string }).reason, 'the file is empty: it was cut short or not saved; return it again');
  t.notThrows(() => readXliff(' \n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"></xliff>'), 'white space before the root element is XML');
});
