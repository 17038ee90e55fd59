// The library's pseudoLocalize refuses a language that holds real translations.
import test from 'ava';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/config.ts';
import { pseudoLanguageProblem, pseudoLocalize } from '../../src/pseudo/pseudo.ts';
import { PROJECT } from '../helpers.ts';
import { snapshot, workspace } from '../support/roundtrip.ts';

test('pseudoLocalize refuses the source language and the configured target languages, writing nothing', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de', 'ja']);
  const before = snapshot(ws.config.locales);
  for (const language of ['de', 'ja', 'en']) {
    t.throws(() => pseudoLocalize(ws.config, ws.center, language), { instanceOf: ConfigError, message: /pick a pseudo-language code such as qps/ });
  }
  t.deepEqual(snapshot(ws.config.locales), before);
  t.is(pseudoLanguageProblem(ws.config, 'qps'), undefined);
  t.is(pseudoLocalize(ws.config, ws.center, 'qps').language, 'qps');
});
