// Files as a translator gets them, through the real CAT tool OmegaT 3.6 (headless): every file
// exactly as extract writes it → OmegaT → merge → build md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildMarkdown } from '../../src/publish/articles.ts';
import { extract } from '../../src/extract/extract.ts';
import { merge } from '../../src/merge/merge.ts';
import { CORPUS, PROJECT, SHARED_NEED, temporaryDir, testIf, type Need } from '../helpers.ts';
import { pseudoText } from '../render/pseudo.ts';
import { structureOf, visibleTexts } from '../render/structure.ts';
import { HAS_OMEGAT, NO_OMEGAT, translateWithOmegaT } from '../support/omegat.ts';
import { workspace, type Workspace } from '../support/roundtrip.ts';

const OMEGAT_NEED: Need = { met: HAS_OMEGAT, reason: NO_OMEGAT };
/** Accented and longer, without the markup-like noise (OmegaT's TMX would take `<ß>` for a tag). */
const accented = (text: string) => pseudoText(text).replace(/ (\|x\||\*ş\*|\[ñ\]|<ß>|\{\{ẞ\}\}|\{%q%\}|#1\.|_ü_|&amp;) /, ' ');

async function throughOmegaT(t: import('ava').ExecutionContext, ws: Workspace) {
  t.timeout(15 * 60_000, 'OmegaT starts twice; on the shared 2-core machine a corpus run takes minutes');
  const out = temporaryDir('handbook-xliff-');
  const extracted = extract(ws.config, ws.center, { languages: ['de'], version: '1.2', outDir: out, all: false });
  t.true(extracted.files.length > 1);
  const { segments, translated } = await translateWithOmegaT(extracted.files.map((f) => f.path), accented);
  t.deepEqual(
    segments,
    extracted.files.map((f) => f.units),
    'OmegaT sees every unit of every file as a segment',
  );
  const returned = translated.map((text, k) => {
    const path = join(temporaryDir(), `omegat-${k}.xlf`);
    writeFileSync(path, text);
    return path;
  });
  const report = merge(ws.config, ws.center, { files: returned });
  t.deepEqual(report.problems.filter((p) => p.severity === 'error'), []);
  t.like(report, { stored: extracted.units, refused: 0, filesRefused: 0, copies: 0, empty: 0 });
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
  t.log(`${returned.length} files, ${extracted.units} units = OmegaT segments, all stored, 0 refused, every tree kept`);
}

testIf(OMEGAT_NEED)(`sample: extract's XLIFF 1.2 as it is, translated in OmegaT, merges every unit`, async (t) => {
  await throughOmegaT(t, workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories')));
});

testIf(SHARED_NEED, OMEGAT_NEED)(`corpus: extract's XLIFF 1.2 as it is, translated in OmegaT, merges every unit`, async (t) => {
  await throughOmegaT(t, workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories')));
});
