// `handbook extract` options that contradict each other are a usage error, not files no tool reads.
import test from 'ava';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sampleRoot } from '../support/cli.ts';

test('extract --for po --xliff 2.0: exit 2, one line saying what to do, nothing written', (t) => {
  const root = sampleRoot();
  const { code, stdout, stderr } = run(['extract', '--root', root, '--lang', 'de', '--for', 'po', '--xliff', '2.0']);
  t.is(code, 2);
  t.is(stdout, '');
  t.is(stderr, 'error: --for po writes XLIFF 1.2 for translate-toolkit, which does not read XLIFF 2.0: leave out --xliff 2.0\n');
  t.false(existsSync(join(root, 'output/xliff')));
});

test('extract keeps a returned translation put in its output folder: one error line, exit 1, the file as it was; after merge, extract goes on', (t) => {
  const root = sampleRoot();
  t.is(run(['extract', '--root', root, '--lang', 'de'], root).code, 0);
  const sent = join(root, 'output/xliff/de/reference.xlf');
  // The translator's tool filled every target (here: the source marked), and the file was copied back.
  const returned = readFileSync(sent, 'utf8').replace(/<target state="needs-translation">/g, '<target state="translated">DE ');
  writeFileSync(sent, returned);
  const kept = run(['extract', '--root', root, '--lang', 'de'], root);
  t.is(kept.code, 1);
  t.regex(kept.stderr, /^error: output\/xliff\/de\/reference\.xlf: holds \d+ translation\(s\) the store does not have \(a returned file put in the extract folder\?\): merge it \(handbook merge output\/xliff\/de\/reference\.xlf\) or move it away, then extract again; it was left as it was\n$/);
  t.regex(kept.stdout, /; 1 file\(s\) with translations not merged left as they were, see above/);
  t.is(readFileSync(sent, 'utf8'), returned);
  t.is(run(['extract', '--root', root, '--lang', 'de'], root).code, 1, 'said again, not answered from the last run');
  t.is(run(['merge', sent, '--root', root], root).code, 0);
  const after = run(['extract', '--root', root, '--lang', 'de'], root);
  t.is(after.code, 0, after.stderr);
  t.false(existsSync(sent), 'nothing left to translate in it: removed as usual');
});
