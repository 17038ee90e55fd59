// Files as a real CAT tool rewrites them: extract → OmegaT (headless) → merge → build md.
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildMarkdown } from '../../src/build/markdown.ts';
import { merge } from '../../src/merge/merge.ts';
import { PROJECT, temporaryDir } from '../helpers.ts';
import { pseudoText } from '../render/pseudo.ts';
import { structureOf, visibleTexts } from '../render/structure.ts';
import { HAS_OMEGAT, translateWithOmegaT } from '../support/omegat.ts';
import { translatedXliff, workspace } from '../support/roundtrip.ts';

const accented = (text: string) => pseudoText(text).replace(/ (\|x\||\*ş\*|\[ñ\]|<ß>|\{\{ẞ\}\}|\{%q%\}|#1\.|_ü_|&amp;) /, ' ');

for (const version of ['1.2', '2.0'] as const) {
  test(`OmegaT-translated XLIFF ${version} merges with nothing refused and builds the same trees`, async (t) => {
    if (!HAS_OMEGAT) return t.log('omegat is not installed (apt-get install -y omegat)'), t.pass();
    const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'));
    const extracted = translatedXliff(ws, version, () => []);
    const returned: string[] = [];
    for (const file of extracted) {
      const clean = readFileSync(file, 'utf8').replace(/<target[^>]*>(?:<\/target>)?|<target[^>]*\/>/g, '').replace(/<target[^>]*><\/target>/g, '');
      writeFileSync(file, clean);
      const path = join(temporaryDir(), `omegat-${returned.length}.xlf`);
      writeFileSync(path, await translateWithOmegaT(file, accented));
      returned.push(path);
    }
    const report = merge(ws.config, ws.center, { files: returned });
    t.deepEqual(report.problems.filter((p) => p.severity === 'error'), []);
    const units = ws.center.categories.reduce((n, c) => n + c.units.length + c.articles.reduce((m, a) => m + a.units.length, 0), 0);
    t.is(report.stored, units, 'every unit came back translated');
    const [build] = buildMarkdown(ws.config, ws.center, { languages: ['de'], outDir: ws.config.output });
    t.is(build!.fallbacks, 0);
    for (const article of ws.center.categories.flatMap((c) => c.articles)) {
      const out = readFileSync(join(ws.config.output, 'de/markdown', article.path), 'utf8');
      t.true(isDeepStrictEqual(structureOf(out), structureOf(article.source)), article.path);
      const source = new Set(visibleTexts(article.source));
      t.deepEqual(visibleTexts(out).filter((v) => source.has(v)), [], article.path);
    }
    t.log(`${returned.length} files through OmegaT: ${report.stored} units stored, 0 refused`);
  });
}
