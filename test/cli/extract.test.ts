// `handbook extract` options that contradict each other are a usage error, not files no tool reads.
import test from 'ava';
import { existsSync } from 'node:fs';
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
