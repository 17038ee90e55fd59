// Test helpers for the translation round trip: a root over some articles, translated XLIFF, store snapshots.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { categoryPackage } from '../../src/extract/extract.ts';
import type { HelpCenter, Segment } from '../../src/model/types.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { merge } from '../../src/merge/merge.ts';
import { pseudoSegments } from '../render/pseudo.ts';
import type { XliffVersion } from '../../src/xliff/package.ts';
import { writeXliff } from '../../src/xliff/write.ts';
import { CORPUS, temporaryDir } from '../helpers.ts';

export interface Workspace {
  readonly root: string;
  readonly config: Config;
  readonly center: HelpCenter;
}

/** A fresh root (store and output in a temporary folder) over an existing articles folder. */
export function workspace(articles: string, categories: string | undefined, languages = ['de']): Workspace {
  const root = temporaryDir();
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles, ...(categories ? { categories } : {}), targetLanguages: languages }));
  const config = loadConfig(root);
  return { root, config, center: readHelpCenter(config) };
}

/** Writes one translated XLIFF file per category (every unit, target = transform(source)); returns their paths. */
export function translatedXliff(ws: Workspace, version: XliffVersion, transform: (segments: readonly Segment[]) => readonly Segment[], language = 'de'): string[] {
  const dir = temporaryDir('handbook-xliff-');
  return ws.center.categories.map((category) => {
    const pkg = categoryPackage(ws.config, category, language, true);
    const filled = { ...pkg, files: pkg.files.map((f) => ({ ...f, units: f.units.map((u) => ({ ...u, target: transform(u.unit.segments), state: 'translated' as const })) })) };
    const path = join(dir, `${category.slug}.xlf`);
    writeFileSync(path, writeXliff(filled, version));
    return path;
  });
}

/** Every file under a folder with its content: to prove a refused merge changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const path = join(dir, name);
    try {
      files[name] = readFileSync(path, 'utf8');
    } catch {
      // a folder
    }
  }
  return files;
}

/**
 * A writable copy of the corpus in a folder of its own, configured for German, and its help center.
 * With `categories`, only those categories' files and the articles filed under them (a smaller real
 * help center, for tests that run whole commands several times).
 */
export function corpusCopy(categories?: readonly string[]) {
  const root = temporaryDir();
  const keep = categories ? new Set(categories) : undefined;
  const inSubset = (file: string) => !keep || !file.endsWith('.md') || keep.has(/^categories:\s*\[([^\]]*)\]/m.exec(readFileSync(file, 'utf8'))?.[1]?.trim() ?? '');
  cpSync(join(CORPUS, '_articles'), join(root, '_articles'), { recursive: true, filter: inSubset });
  cpSync(join(CORPUS, '_categories'), join(root, '_categories'), { recursive: true, filter: (file) => !keep || !file.endsWith('.md') || keep.has(basename(file, '.md')) });
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: '_articles', categories: '_categories', targetLanguages: ['de'] }));
  const config = loadConfig(root);
  const center = readHelpCenter(config);
  return { root, config, center };
}

/** A writable copy of the corpus, with one category fully translated into German. */
export function translatedCorpus(slug: string) {
  const { root, config, center } = corpusCopy();
  const category = center.categories.find((c) => c.slug === slug)!;
  const pkg = categoryPackage(config, category, 'de', false);
  const filled = { ...pkg, files: pkg.files.map((f) => ({ ...f, units: f.units.map((u) => ({ ...u, target: pseudoSegments(u.unit.segments), state: 'translated' as const })) })) };
  const file = join(root, 'returned.xlf');
  writeFileSync(file, writeXliff(filled, '1.2'));
  const report = merge(config, center, { files: [file] });
  return { root, config, category, report };
}

