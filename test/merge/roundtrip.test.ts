// The whole round trip on the real corpus and the sample: extract → translate → merge → build md.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildMarkdown } from '../../src/publish/articles.ts';
import { merge } from '../../src/merge/merge.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, PROJECT } from '../helpers.ts';
import { pseudoSegments } from '../render/pseudo.ts';
import { structureOf, visibleTexts } from '../render/structure.ts';
import { translatedXliff, workspace, type Workspace } from '../support/roundtrip.ts';

const corpus = () => workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories'));
const sample = () => workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'));

function roundTrip(ws: Workspace, version: '1.2' | '2.0', pseudo: boolean) {
  const files = translatedXliff(ws, version, (segments) => (pseudo ? pseudoSegments(segments) : segments));
  const report = merge(ws.config, ws.center, { files });
  const [build] = buildMarkdown(ws.config, ws.center, { languages: ['de'], outDir: ws.config.output });
  const articles = ws.center.categories.flatMap((c) => c.articles);
  const outputs = articles.map((a) => ({ article: a, out: readFileSync(join(ws.config.output, 'de/markdown', a.path), 'utf8') }));
  return { report, build: build!, outputs };
}

for (const version of ['1.2', '2.0'] as const) {
  test(`corpus, XLIFF ${version}: identity translations come back byte for byte`, (t) => {
    if (!HAS_SHARED) return t.log(NO_SHARED), t.pass();
    const { report, build, outputs } = roundTrip(corpus(), version, false);
    t.is(report.refused, 0);
    t.is(build.fallbacks, 0);
    const differ = outputs.filter(({ article, out }) => out !== article.source).map(({ article }) => article.path);
    t.deepEqual(differ, []);
    t.log(`${outputs.length} articles byte-identical; ${report.stored} units stored, 0 refused`);
  });

  test(`corpus, XLIFF ${version}: a pseudo-translation keeps every tree and leaves no visible source text`, (t) => {
    if (!HAS_SHARED) return t.log(NO_SHARED), t.pass();
    const { report, build, outputs } = roundTrip(corpus(), version, true);
    t.is(report.refused, 0);
    t.is(build.fallbacks, 0);
    const broken = outputs.filter(({ article, out }) => !isDeepStrictEqual(structureOf(out), structureOf(article.source))).map(({ article }) => article.path);
    t.deepEqual(broken, []);
    const left = outputs.flatMap(({ article, out }) => {
      const source = new Set(visibleTexts(article.source));
      return visibleTexts(out).filter((text) => source.has(text));
    });
    t.deepEqual(left, []);
  });
}

test('sample help center: identity and pseudo round trips through both versions', (t) => {
  for (const version of ['1.2', '2.0'] as const) {
    const identity = roundTrip(sample(), version, false);
    t.deepEqual(identity.outputs.filter(({ article, out }) => out !== article.source).map(({ article }) => article.path), []);
    const pseudo = roundTrip(sample(), version, true);
    t.deepEqual(pseudo.outputs.filter(({ article, out }) => !isDeepStrictEqual(structureOf(out), structureOf(article.source))).map(({ article }) => article.path), []);
  }
});
