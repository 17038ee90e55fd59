// Status figures add up and match what build falls back on; pseudo fills everything; prune forgets on request.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildMarkdown } from '../../src/publish/articles.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { pseudoLocalize, PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/pseudo/pseudo.ts';
import { prune } from '../../src/store/prune.ts';
import { statusOf } from '../../src/status/status.ts';
import type { StatusCell } from '../../src/status/report.ts';
import { PROJECT, SHARED_NEED, testIf } from '../helpers.ts';
import { structureOf } from '../render/structure.ts';
import { translatedCorpus, workspace } from '../support/roundtrip.ts';
import { FROM_SOURCE } from '../support/cli.ts';


function addsUp(t: import('ava').ExecutionContext, cell: StatusCell, where: string) {
  for (const measure of ['units', 'words'] as const) {
    t.is(cell.translated[measure] + cell.outdated[measure] + cell.untranslated[measure], cell.total[measure], `${where}: ${measure}`);
    t.true(cell.reviewed[measure] <= cell.translated[measure], `${where}: reviewed ⊂ translated`);
  }
}

testIf(SHARED_NEED)('corpus: status figures add up per category and language, and match what build falls back on', (t) => {
  const { config, category } = translatedCorpus('providers');
  const center = readHelpCenter(config);
  const [de] = statusOf(config, center, ['de']).languages;
  addsUp(t, de!, 'de');
  for (const cell of de!.categories) addsUp(t, cell, cell.category);
  for (const measure of ['units', 'words'] as const) {
    t.is(de!.categories.reduce((n, c) => n + c.total[measure], 0), de!.total[measure]);
    t.is(de!.categories.reduce((n, c) => n + c.translated[measure], 0), de!.translated[measure]);
  }
  const providers = de!.categories.find((c) => c.category === category.slug)!;
  t.is(providers.percent, 100);
  t.is(providers.untranslated.units, 0);
  // Build publishes the articles (not the category titles): its fallbacks are the rest.
  const [build] = buildMarkdown(config, center, { languages: ['de'], outDir: config.output });
  const titleUnits = center.categories.reduce((n, c) => n + c.units.length, 0);
  const translatedTitles = providers.total.units - category.articles.reduce((n, a) => n + a.units.length, 0);
  t.is(build!.units + titleUnits, de!.total.units);
  t.is(build!.fallbacks, de!.untranslated.units + de!.outdated.units - (titleUnits - translatedTitles));
  t.log(`de: ${de!.percent}% of ${de!.total.words} words; "${category.slug}" 100%; build falls back on ${build!.fallbacks} units`);
});

test('pseudo fills every unit: a qps build falls back on nothing, shows markers, and keeps every tree', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'));
  const result = pseudoLocalize(ws.config, ws.center, 'qps');
  t.is(result.units, ws.center.categories.reduce((n, c) => n + c.units.length + c.articles.reduce((m, a) => m + a.units.length, 0), 0));
  const [build] = buildMarkdown(ws.config, ws.center, { languages: ['qps'], outDir: ws.config.output });
  t.is(build!.fallbacks, 0);
  for (const article of ws.center.categories.flatMap((c) => c.articles)) {
    const out = readFileSync(join(ws.config.output, 'qps/markdown', article.path), 'utf8');
    t.deepEqual(structureOf(out), structureOf(article.source), article.path);
    t.true(out.includes(PSEUDO_OPEN) && out.includes(PSEUDO_CLOSE));
  }
  const [qps] = statusOf(ws.config, ws.center, ['qps']).languages;
  t.is(qps!.percent, 100);
  const words = JSON.parse(readFileSync(join(ws.config.locales, 'qps/handbook.json'), 'utf8'));
  // The whole phrase is one unit: "⟦Þáğé 12 öƒ 51 ···⟧", never "⟦Þáğé 12 öƒ ···⟧51".
  t.regex(words.page_of_other, /^⟦(?=.*\{\{page\}\})(?=.*\{\{count\}\}).*⟧$/, 'placeholders survive pseudo-localization, inside the markers');
});

test('status on the command line: table, --json, --html and --fail-under', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'), ['de']);
  pseudoLocalize(ws.config, ws.center, 'qps');
  const run = (args: string[]) => spawnSync(process.execPath, [...FROM_SOURCE, 'status', '--root', ws.root, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const table = run(['--lang', 'qps,de']);
  t.is(table.status, 0, table.stderr);
  t.regex(table.stdout, /^qps: 100\.0% of [\d,]+ words translated/m);
  t.regex(table.stdout, /^de: 0\.0% of/m);
  const json = JSON.parse(run(['--lang', 'qps', '--json']).stdout);
  t.is(json.languages[0].percent, 100);
  const html = join(ws.root, 'status.html');
  t.is(run(['--lang', 'de,qps', '--html', html]).status, 0);
  t.regex(readFileSync(html, 'utf8'), /<!DOCTYPE html>[\s\S]*qps/i);
  const failing = run(['--lang', 'de,qps', '--fail-under', '50']);
  t.is(failing.status, 1);
  t.regex(failing.stderr, /de is 0\.0% translated, under --fail-under 50%/);
  t.is(run(['--lang', 'qps', '--fail-under', '100']).status, 0);
  t.is(run(['--fail-under', 'lots']).status, 2);
});

test('deleting an article keeps its translations until prune is asked to', (t) => {
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'));
  pseudoLocalize(ws.config, ws.center, 'qps');
  const [gone, ...rest] = ws.center.categories[0]!.articles;
  const remaining = { categories: ws.center.categories.map((c, k) => (k === 0 ? { ...c, articles: rest } : c)), problems: [] };
  const file = join(ws.config.locales, 'qps/articles', gone!.path.replace(/\.md$/, '.json'));
  t.true(existsSync(file));
  const dry = prune(ws.config.locales, remaining, 'qps', true);
  t.deepEqual(dry.files, [file]);
  t.true(existsSync(file), 'a dry run deletes nothing');
  const done = prune(ws.config.locales, remaining, 'qps', false);
  t.deepEqual(done.files, [file]);
  t.false(existsSync(file));
  t.is(done.entries, 0);
  rmSync(ws.root, { recursive: true, force: true });
});
