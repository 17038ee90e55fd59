// The hostile-input catalogue of translation files: each case is a file as the product writes it,
// then tampered, merged through the command line. Each has its exact outcome: exit code 1, one
// error line naming the file, the line and (for a unit) the unit id, and a store byte-identical
// to before (nothing valid was delivered: the untouched units are the ones already stored).
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { merge } from '../../src/merge/merge.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { LIMITS } from '../../src/model/limits.ts';
import { pseudoSegments } from '../render/pseudo.ts';
import { runInProcess } from '../support/capture.ts';
import { sampleRoot } from '../support/cli.ts';
import { snapshot, translatedXliff } from '../support/roundtrip.ts';
import { temporaryDir } from '../helpers.ts';

type Version = '1.2' | '2.0';

/** One root per version: the sample help center, German merged, and a file holding the same translations again. */
const roots = new Map<Version, { root: string; locales: string; file: string }>();
function prepared(version: Version) {
  let found = roots.get(version);
  if (!found) {
    const root = sampleRoot();
    const config = loadConfig(root);
    const ws = { root, config, center: readHelpCenter(config) };
    merge(config, ws.center, { files: translatedXliff(ws, version, pseudoSegments) });
    // Extracted after the merge, so it carries the store's revisions: merging it untouched changes nothing.
    const [file] = translatedXliff(ws, version, pseudoSegments);
    roots.set(version, (found = { root, locales: config.locales, file: file! }));
  }
  return found;
}

const lineAt = (xml: string, index: number) => xml.slice(0, index).split('\n').length;

/** The first unit with a target: its id, the line of its start tag, the line of its target. */
function firstTarget(xml: string, version: Version) {
  const target = xml.indexOf('</target>');
  const start = xml.lastIndexOf(version === '1.2' ? '<trans-unit ' : '<unit ', target);
  const tag = xml.slice(start, xml.indexOf('>', start));
  const id = (version === '1.2' ? /resname="([^"]+)"/ : /id="([^"]+)"/).exec(tag)![1]!;
  return { id, unitLine: lineAt(xml, start), targetLine: lineAt(xml, target), at: target };
}

interface Case {
  readonly name: string;
  readonly version: Version;
  /** The tampered file and what its one error line must say after `error: FILE:`. */
  readonly tamper: (xml: string) => { xml: string; expected: (where: { file: string }) => RegExp };
}

const inTarget = (version: Version, payload: string, message: (unit: { id: string; unitLine: number; targetLine: number }) => string): Case['tamper'] => (xml) => {
  const unit = firstTarget(xml, version);
  return {
    xml: xml.slice(0, unit.at) + payload + xml.slice(unit.at),
    expected: ({ file }) => new RegExp(`^error: ${escape(file)}:${unit.unitLine}: unit ${escape(unit.id)}: ${message(unit)}`),
  };
};
const wholeFile = (version: Version, payload: (xml: string) => { xml: string; line: number }, message: string): Case['tamper'] => (xml) => {
  const { xml: changed, line } = payload(xml);
  return { xml: changed, expected: ({ file }) => new RegExp(`^error: ${escape(file)}:${line}: ${message}`) };
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const nested = (open: string, close: string, depth: number) => open.repeat(depth) + 'x' + close.repeat(depth);
const atTarget = (version: Version, payload: string) => (xml: string) => {
  const unit = firstTarget(xml, version);
  return { xml: xml.slice(0, unit.at) + payload + xml.slice(unit.at), line: unit.targetLine };
};
const DEPTH = `elements are nested more than ${LIMITS.xmlDepth} deep \\(the limit`;

const cases: Case[] = [
  { name: '100,000 nested <mrk> in a 2.0 target', version: '2.0', tamper: wholeFile('2.0', atTarget('2.0', nested('<mrk id="m">', '</mrk>', 100_000)), DEPTH) },
  { name: '100,000 nested <mrk> in a 1.2 target', version: '1.2', tamper: wholeFile('1.2', atTarget('1.2', nested('<mrk mtype="x">', '</mrk>', 100_000)), DEPTH) },
  { name: '100,000 nested foreign elements', version: '1.2', tamper: wholeFile('1.2', atTarget('1.2', nested('<f:a xmlns:f="urn:x-foreign">', '</f:a>', 100_000)), DEPTH) },
  {
    name: '5,000 nested <group>s around the units',
    version: '1.2',
    tamper: wholeFile('1.2', (xml) => {
      const body = xml.indexOf('<body>') + '<body>'.length;
      const end = xml.indexOf('</body>');
      return { xml: xml.slice(0, body) + '<group>'.repeat(5000) + xml.slice(body, end) + '</group>'.repeat(5000) + xml.slice(end), line: lineAt(xml, body) };
    }, DEPTH),
  },
  {
    name: `more than ${LIMITS.xmlElements.toLocaleString('en')} elements`,
    version: '1.2',
    tamper: wholeFile('1.2', atTarget('1.2', '<mrk/>'.repeat(LIMITS.xmlElements)), `the file has more than 1,000,000 elements \\(the limit\\): split it`),
  },
  {
    name: `more than ${LIMITS.unitsPerFile.toLocaleString('en')} units`,
    version: '1.2',
    tamper: wholeFile('1.2', (xml) => {
      const end = xml.indexOf('</body>');
      const extra = Array.from({ length: LIMITS.unitsPerFile + 1 }, (_, k) => `<trans-unit id="u${k}"><source>x</source></trans-unit>`).join('');
      return { xml: xml.slice(0, end) + extra + xml.slice(end), line: lineAt(xml, end) };
    }, `the file has [\\d,]+ units, over the limit of 50,000: split it`),
  },
  {
    name: `a file over ${LIMITS.xliffBytes / 1048576} MiB`,
    version: '2.0',
    tamper: wholeFile('2.0', (xml) => ({ xml: `${xml}<!--${' '.repeat(LIMITS.xliffBytes)}-->`, line: 1 }), `the file is 32\\.\\d MiB, over the limit of 32 MiB: split it`),
  },
  { name: '<cp hex="110000"/>', version: '2.0', tamper: inTarget('2.0', '<cp hex="110000"/>', (u) => `<cp hex="110000"/> at line ${u.targetLine} is not a Unicode scalar value`) },
  { name: '<cp hex="-1"/> (negative)', version: '2.0', tamper: inTarget('2.0', '<cp hex="-1"/>', (u) => `<cp hex="-1"/> at line ${u.targetLine} is not a hexadecimal code point`) },
  { name: '<cp hex="0"/> (NUL)', version: '2.0', tamper: inTarget('2.0', '<cp hex="0"/>', (u) => `<cp hex="0"/> at line ${u.targetLine} is U\\+0000, a character XML 1\\.0 does not allow`) },
  { name: '<cp hex="1B"/> (ESC)', version: '2.0', tamper: inTarget('2.0', '<cp hex="1B"/>', (u) => `<cp hex="1B"/> at line ${u.targetLine} is U\\+001B, a character XML 1\\.0 does not allow`) },
  { name: '<cp hex="D800"/> (a lone surrogate)', version: '2.0', tamper: inTarget('2.0', '<cp hex="D800"/>', (u) => `<cp hex="D800"/> at line ${u.targetLine} is not a Unicode scalar value`) },
  { name: '<cp hex="FFFF"/> (not a character)', version: '2.0', tamper: inTarget('2.0', '<cp hex="FFFF"/>', (u) => `<cp hex="FFFF"/> at line ${u.targetLine} is U\\+FFFF, a character XML 1\\.0 does not allow`) },
  { name: 'a C1 control character (U+009B) typed in a target', version: '1.2', tamper: inTarget('1.2', '\u009B', () => 'the target contains U\\+009B, a control character or lone surrogate') },
  {
    name: 'ESC as a character reference in XML 1.1',
    version: '1.2',
    tamper: (xml) => inTarget('1.2', '&#x1B;', () => 'the target contains U\\+001B, a control character or lone surrogate')(xml.replace('<?xml version="1.0"', '<?xml version="1.1"')),
  },
  {
    name: `a target over ${LIMITS.textLength.toLocaleString('en')} characters`,
    version: '2.0',
    tamper: inTarget('2.0', 'ü'.repeat(LIMITS.textLength), () => `the target is [\\d,]+ characters long, over the limit of 32,768: split the text`),
  },
];

for (const { name, version, tamper } of cases) {
  test.serial(`hostile XLIFF ${version}: ${name}: exit 1, one error naming file and line, store byte-identical`, async (t) => {
    const { root, locales, file } = prepared(version);
    const before = snapshot(locales);
    const { xml, expected } = tamper(readFileSync(file, 'utf8'));
    const hostile = join(temporaryDir('handbook-hostile-'), 'returned.xlf');
    writeFileSync(hostile, xml);
    const result = await runInProcess(['merge', '--root', root, '--lang', 'de', hostile]);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
    t.is(result.code, 1, result.stderr);
    t.is(errors.length, 1, result.stderr.slice(0, 2000));
    t.regex(errors[0] ?? '', expected({ file: relative(process.cwd(), hostile) }));
    t.regex(result.stdout, /[1-9][\d,]* refused/);
    t.deepEqual(snapshot(locales), before, 'the store is byte-identical');
  });
}

test.serial('the untampered file merges cleanly and changes nothing (the base of every case above)', async (t) => {
  for (const version of ['1.2', '2.0'] as const) {
    const { root, locales, file } = prepared(version);
    const before = snapshot(locales);
    const result = await runInProcess(['merge', '--root', root, '--lang', 'de', file]);
    t.is(result.code, 0, result.stderr);
    t.regex(result.stdout, /stored 0 translations, [1-9][\d,]* unchanged/);
    t.deepEqual(snapshot(locales), before);
  }
});
