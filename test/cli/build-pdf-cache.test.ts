// build --format pdf keeps converted pictures in .handbook-cache/pictures/ and shaped words in
// .handbook-cache/shaping/ unless --no-cache.
import test from 'ava';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_FOLDER } from '../../src/cache/folder.ts';
import { run, sampleRoot } from '../support/cli.ts';

test('build --format pdf keeps converted pictures and shaped words in the cache; with --no-cache it writes no cache, and the PDFs are the same', (t) => {
  const cached = sampleRoot();
  const args = ['build', '--lang', 'en', '--format', 'pdf', '--category', 'publishing', '--quiet'];
  const first = run([...args, '--root', cached]);
  t.is(first.code, 0, first.stderr);
  // The sample's screenshots are palette PNGs, which pdfkit cannot take as they are.
  const pictures = readdirSync(join(cached, CACHE_FOLDER, 'pictures'));
  t.true(pictures.length > 0 && pictures.every((f) => /^[0-9a-f]{64}\.png$/.test(f)), pictures.join(' '));
  // One file per font the handbook drew with.
  const shaping = readdirSync(join(cached, CACHE_FOLDER, 'shaping'));
  t.true(shaping.includes('DejaVuSans.v8') && shaping.every((f) => f.endsWith('.v8')), shaping.join(' '));

  const none = sampleRoot();
  const without = run([...args, '--root', none, '--no-cache']);
  t.is(without.code, 0, without.stderr);
  t.false(existsSync(join(none, CACHE_FOLDER)));
  const pdf = (root: string) => readFileSync(join(root, 'output/en/publishing.pdf'));
  // The generation date is the day's: same bytes unless the two builds straddle midnight.
  t.is(pdf(none).length, pdf(cached).length);
});
