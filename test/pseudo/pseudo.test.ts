// The library's pseudoLocalize refuses the source language and any language that holds real translations.
import test from 'ava';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/config.ts';
import { pseudoLanguageProblem, pseudoLocalize, pseudoPadding, pseudoSegments, PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/pseudo/pseudo.ts';
import { storePath, writeStoreFile } from '../../src/store/store.ts';
import { toTagged } from '../../src/store/tagged.ts';
import { PROJECT } from '../helpers.ts';
import { snapshot, workspace } from '../support/roundtrip.ts';

test('pseudoLocalize refuses the source language and a target language that holds translations, writing nothing', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de', 'ja']);
  // The project's German: translated articles and handbook words.
  cpSync(join(PROJECT, 'locales/de'), join(ws.config.locales, 'de'), { recursive: true });
  const before = snapshot(ws.config.locales);
  t.throws(() => pseudoLocalize(ws.config, ws.center, 'en'), { instanceOf: ConfigError, message: /"en" is the source language: pick a pseudo-language code such as qps/ });
  t.throws(() => pseudoLocalize(ws.config, ws.center, 'de'), { instanceOf: ConfigError, message: /"de" holds translations that are not pseudo-translations .*: they would be overwritten/ });
  t.deepEqual(snapshot(ws.config.locales), before);
  t.is(pseudoLanguageProblem(ws.config, 'qps'), undefined);
  t.is(pseudoLocalize(ws.config, ws.center, 'qps').language, 'qps');
});

test('a configured target language with nothing translated yet may be pseudo-filled, and filled again', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de', 'ja']);
  const first = pseudoLocalize(ws.config, ws.center, 'ja');
  t.true(first.units > 0);
  t.notThrows(() => pseudoLocalize(ws.config, ws.center, 'ja'));
});

test('handbook words alone (locales/<lang>/handbook.json) are real translations too', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['ja']);
  mkdirSync(join(ws.config.locales, 'ja'), { recursive: true });
  writeFileSync(join(ws.config.locales, 'ja', 'handbook.json'), JSON.stringify({ contents: '目次' }));
  const before = snapshot(ws.config.locales);
  t.throws(() => pseudoLocalize(ws.config, ws.center, 'ja'), { instanceOf: ConfigError, message: /handbook\.json\): they would be overwritten/ });
  t.deepEqual(snapshot(ws.config.locales), before);
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

test('a long unit keeps its 35% padding, in words of · that wrap on a narrow screen, inside the markers', (t) => {
  const text = 'Self-hosting Bitwarden requires a machine with Docker and Docker Compose installed, an SMTP server and a domain name pointing at it. '.repeat(3);
  const [pseudo] = pseudoSegments([{ type: 'text', value: text }]) as [{ type: 'text'; value: string }];
  t.true(pseudo.value.startsWith(PSEUDO_OPEN) && pseudo.value.endsWith(PSEUDO_CLOSE));
  const padding = pseudo.value.slice(PSEUDO_OPEN.length + text.length + 1, -PSEUDO_CLOSE.length);
  t.is(padding.length, Math.round(text.length * 0.35), 'the padding is 35% of the text');
  t.regex(padding, /^[· ]+$/);
  t.true(padding.split(' ').every((word) => word.length >= 1 && word.length <= 6), `no word of the padding is longer than 6: ${padding}`);
  t.is(pseudoPadding(1), '·');
  t.is(pseudoPadding(7), '····· ·', 'never a space at the end');
  t.is(pseudoPadding(14), '······ ····· ·');
  t.is(pseudoPadding(15), '······ ······ ·');
});
