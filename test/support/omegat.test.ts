// The OmegaT helper itself: extracted XLIFF 1.2 and 2.0 come back from OmegaT translated, every inline code kept.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HAS_OMEGAT, translateWithOmegaT } from './omegat.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function extract(version: '1.2' | '2.0'): string {
  const out = mkdtempSync(join(tmpdir(), 'omegat-test-'));
  const args = ['bin/handbook.js', 'extract', '--all', '--lang', 'de', '--xliff', version, '--root', ROOT, '--out', out];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) throw new Error(`extract failed: ${result.stderr}`);
  return out;
}

/** [source, target or undefined] of each unit (1.2 trans-unit, 2.0 segment). */
function pairs(xml: string): Array<[string, string | undefined]> {
  return [...xml.matchAll(/<(trans-unit|segment)\b[\s\S]*?<\/\1>/g)].map(([unit]) => [
    /<source\b[^>]*>([\s\S]*?)<\/source>/.exec(unit)?.[1] ?? '',
    /<target\b[^>]*>([\s\S]*?)<\/target>/.exec(unit)?.[1],
  ]);
}

/** Inline codes of a source or target, normalised so <ph …/> equals <ph …></ph>. */
function codes(content: string): string[] {
  return (content.match(/<\/?(?:g|x|bx|ex|ph|pc|sc|ec)\b[^>]*>/g) ?? []).filter((tag) => tag !== '</ph>').map((tag) => tag.replace(/\s*\/?>$/, '>')).sort();
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const plain = (content: string) => content.replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

for (const version of ['1.2', '2.0'] as const) {
  test(`OmegaT translates an extracted XLIFF ${version} file and keeps every inline code`, async (t) => {
    if (!HAS_OMEGAT) {
      t.log('omegat is not installed (apt-get install -y omegat)');
      t.pass();
      return;
    }
    const out = extract(version);
    try {
      const file = join(out, 'de', readdirSync(join(out, 'de')).sort()[0]!);
      const started = Date.now();
      const xml = await translateWithOmegaT(file, (s) => s.toUpperCase());
      t.log(`${file}: OmegaT round trip in ${Date.now() - started} ms`);

      const units = pairs(xml);
      t.true(units.length > 50, `${units.length} units`);
      const translated = units.filter(([source, target]) => target !== undefined && /[a-z]/.test(plain(source)) && plain(target) === plain(source).toUpperCase());
      const withLetters = units.filter(([source]) => /[a-z]/.test(plain(source)));
      t.true(translated.length >= withLetters.length * 0.95, `${translated.length} of ${withLetters.length} units translated`);
      for (const [source, target] of units) {
        t.not(target, undefined, `no target for ${source}`);
        t.deepEqual(codes(target ?? ''), codes(source), `codes of ${source}`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}
