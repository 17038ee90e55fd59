// The library's pseudoLocalize refuses a language that holds real translations.
import test from 'ava';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/config.ts';
import { pseudoLanguageProblem, pseudoLocalize } from '../../src/pseudo/pseudo.ts';
import { storePath, writeStoreFile } from '../../src/store/store.ts';
import { toTagged } from '../../src/store/tagged.ts';
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

test('pseudoLocalize refills a pseudo-language, but refuses a language no longer configured whose store holds real translations', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de']);
  pseudoLocalize(ws.config, ws.center, 'qps');
  t.notThrows(() => pseudoLocalize(ws.config, ws.center, 'qps'), 'a pseudo-language is filled again');
  // French translated once, then left out of targetLanguages.
  const article = ws.center.categories.flatMap((c) => c.articles).find((a) => a.units.length > 0)!;
  const unit = article.units[0]!;
  const path = storePath(ws.config.locales, 'fr', article.path);
  writeStoreFile(path, { [unit.id]: { source: toTagged(unit.segments), target: 'Une vraie traduction', state: 'translated', revision: 1 } });
  const before = snapshot(ws.config.locales);
  t.throws(() => pseudoLocalize(ws.config, ws.center, 'fr'), { instanceOf: ConfigError, message: /"fr" holds translations that are not pseudo-translations .*: they would be overwritten/ });
  t.deepEqual(snapshot(ws.config.locales), before);
});
