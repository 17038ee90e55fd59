// `handbook merge` on the command line: a path that is no file is one line naming it and what to do, exit 1.
import test from 'ava';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, sampleRoot } from '../support/cli.ts';

test('merge of a missing file and of a folder: one line each naming the path and what to do, the summary, exit 1', (t) => {
  const root = sampleRoot();
  const folder = join(root, 'returned');
  mkdirSync(folder);
  const { code, stdout, stderr } = run(['merge', join(root, 'nothere.xlf'), folder, '--root', root], root);
  t.is(code, 1);
  t.deepEqual(stderr.trim().split('\n'), [
    'error: nothere.xlf: no such file: check the path and name the returned XLIFF files (returned/de/*.xlf)',
    `error: returned: a folder, not a file: name the XLIFF files in it (${join(folder, '*.xlf')})`,
  ]);
  t.regex(stdout, /^merge: 2 file\(s\) \(no language\): stored 0 translations, .* 2 <file> or file\(s\) refused as a whole\), see above\n$/);
});
