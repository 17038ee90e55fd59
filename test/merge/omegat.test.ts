// Files as a real CAT tool rewrites them: extract → OmegaT (headless) → merge → build md.
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildMarkdown } from '../../src/publish/articles.ts';
import { merge } from '../../src/merge/merge.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, PROJECT, temporaryDir } from '../helpers.ts';
import { pseudoText } from '../render/pseudo.ts';
import { structureOf, visibleTexts } from '../render/structure.ts';
import { HAS_OMEGAT, translateAllWithOmegaT } from '../support/omegat.ts';
import { translatedXliff, workspace, type Workspace } from '../support/roundtrip.ts';

const NO_OMEGAT = 'omegat is not installed (apt-get install -y omegat)';
/** Accented and longer, without the markup-like noise (OmegaT's TMX would take `<ß>` for a tag). */
const accented = (text: string) => pseudoText(text).replace(/ (\|x\||\*ş\*|\[ñ\]|<ß>|\{\{ẞ\}\}|\{%q%\}|#1\.|_ü_|&amp;) /, ' ');

async function throughOmegaT(t: import('ava').ExecutionContext, ws: Workspace, version: '1.2' | '2.0') {
  // What extract writes for translators: no targets.
  const extracted = translatedXliff(ws, version, () => []);
  for (const file of extracted) writeFileSync(file, readFileSync(file, 'utf8').replace(/<target[^>]*><\/target>/g, ''));
  const returned = (await translateAllWithOmegaT(extracted, accented)).map((text, k) => {
    const path = join(temporaryDir(), `omegat-${k}.xlf`);
    writeFileSync(path, text);
    return path;
  });
  const report = merge(ws.config, ws.center, { files: returned });
  t.deepEqual(report.problems.filter((p) => p.severity === 'error'), []);
  const units = ws.center.categories.reduce((n, c) => n + c.units.length + c.articles.reduce((m, a) => m + a.units.length, 0), 0);
  t.is(report.stored, units, 'every unit came back translated');
  const [build] = buildMarkdown(ws.config, ws.center, { languages: ['de'], outDir: ws.config.output });
  t.is(build!.fallbacks, 0);
  const articles = ws.center.categories.flatMap((c) => c.articles);
  const broken = articles.filter((a) => !isDeepStrictEqual(structureOf(readFileSync(join(ws.config.output, 'de/markdown', a.path), 'utf8')), structureOf(a.source)));
  t.deepEqual(broken.map((a) => a.path), []);
  const left = articles.flatMap((a) => {
    const source = new Set(visibleTexts(a.source));
    return visibleTexts(readFileSync(join(ws.config.output, 'de/markdown', a.path), 'utf8')).filter((v) => source.has(v));
  });
  t.deepEqual(left, []);
  t.log(`${returned.length} files, ${articles.length} articles through OmegaT: ${report.stored} units stored, 0 refused, every tree kept`);
}

for (const version of ['1.2', '2.0'] as const) {
  test(`sample: OmegaT-translated XLIFF ${version} merges with nothing refused and builds the same trees`, async (t) => {
    if (!HAS_OMEGAT) return t.log(NO_OMEGAT), t.pass();
    await throughOmegaT(t, workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories')), version);
  });
  test(`corpus: OmegaT-translated XLIFF ${version} merges with nothing refused and builds the same trees`, async (t) => {
    if (!HAS_SHARED) return t.log(NO_SHARED), t.pass();
    if (!HAS_OMEGAT) return t.log(NO_OMEGAT), t.pass();
    await throughOmegaT(t, workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories')), version);
  });
}
