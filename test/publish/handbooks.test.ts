// publishHandbooks as `build --category` uses it: the language's index keeps every handbook that is
// in the output folder, not only those of this run.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishHandbooks } from '../../src/publish/handbooks.ts';
import { PROJECT, temporaryDir } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const links = (index: string) => [...index.matchAll(/<a href="([^"]+)">([^<]+)<\/a> — ([^<]+)</g)].map((m) => `${m[1]} ${m[2]} (${m[3]})`);

test('a build of one category keeps the other handbooks already in the folder in the index; a category never built is not listed', async (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de', 'ja', 'ar']);
  const config = { ...ws.config, locales: join(PROJECT, 'locales'), images: join(PROJECT, 'articles/images') };
  const out = temporaryDir();
  const all = { languages: ['de'], formats: ['html'], outDir: out };
  await publishHandbooks(config, ws.center, all);
  const full = readFileSync(join(out, 'de/index.html'), 'utf8');
  t.is(links(full).length, 4);
  await publishHandbooks(config, ws.center, { ...all, categories: ['publishing'] });
  t.deepEqual(links(readFileSync(join(out, 'de/index.html'), 'utf8')), links(full));
  const fresh = temporaryDir();
  await publishHandbooks(config, ws.center, { ...all, outDir: fresh, categories: ['publishing'] });
  t.deepEqual(links(readFileSync(join(fresh, 'de/index.html'), 'utf8')).map((l) => l.split(' ')[0]), ['publishing.html']);
});
