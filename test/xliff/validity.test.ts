// Every XLIFF file we write for the real corpus and the sample passes the official schemas
// (../shared/xliff/check-xliff: xmllint against OASIS XSDs, and translate-toolkit for 1.2).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { extract } from '../../src/extract/extract.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { CHECK_XLIFF, CORPUS, PROJECT, SHARED_NEED, XMLLINT_NEED, temporaryDir, testIf } from '../helpers.ts';

function checkAll(t: import('ava').ExecutionContext, root: string, articles: string | undefined, version: '1.2' | '2.0') {
  const config = loadConfig(root, { articles });
  const center = readHelpCenter(config);
  t.deepEqual(center.problems, [], 'every article parses');
  const out = temporaryDir();
  const result = extract(config, center, { languages: ['de'], version, outDir: out, all: true });
  const files = readdirSync(join(out, 'de'));
  t.is(files.length, result.files.length);
  const failures: string[] = [];
  for (const file of files) {
    const run = spawnSync(CHECK_XLIFF, [join(out, 'de', file)], { encoding: 'utf8' });
    if (!run.stdout.trim().endsWith('RESULT PASS')) failures.push(`${file}:\n${run.stdout}${run.stderr}`);
  }
  t.deepEqual(failures, []);
  t.log(`${version}: ${files.length} files, ${result.units} units, ${result.words} words: check-xliff PASS on every file`);
}

for (const version of ['1.2', '2.0'] as const) {
  testIf(SHARED_NEED, XMLLINT_NEED)(`corpus: XLIFF ${version} of all 138 articles passes check-xliff`, (t) => {
    checkAll(t, CORPUS, join(CORPUS, '_articles'), version);
  });
  testIf(SHARED_NEED, XMLLINT_NEED)(`sample help center: XLIFF ${version} passes check-xliff`, (t) => {
    checkAll(t, PROJECT, undefined, version);
  });
}
