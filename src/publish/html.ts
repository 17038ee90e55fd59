// `build --format html`: output/<lang>/<category>.html for every category and language, and an index.
import { join } from 'node:path';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Config } from '../config/config.ts';
import { fileNameOf } from '../extract/extract.ts';
import { buildHandbookHtml, copyImages, directionOf, type BuildWarning } from '../handbook/html.ts';
import { HANDBOOK_CSS } from './style.ts';
import type { HelpCenter } from '../model/types.ts';
import { TranslationStore } from '../store/translations.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { createTranslator } from '../words/words.ts';

export interface HtmlBuildOptions {
  readonly languages: readonly string[];
  readonly outDir: string;
  readonly categories?: readonly string[];
  readonly date?: Date;
}

export interface HtmlBuild {
  readonly language: string;
  readonly files: readonly string[];
  readonly warnings: readonly BuildWarning[];
}

export async function buildHtml(config: Config, center: HelpCenter, options: HtmlBuildOptions): Promise<HtmlBuild[]> {
  const date = options.date ?? new Date();
  const builds: HtmlBuild[] = [];
  for (const language of options.languages) {
    const t = await createTranslator(config.locales, language, config.sourceLanguage);
    const store = new TranslationStore(config.locales, language);
    const dir = join(options.outDir, language);
    const files: string[] = [];
    const warnings: BuildWarning[] = [];
    const links: { href: string; title: string; count: number }[] = [];
    for (const category of center.categories.filter((c) => !options.categories || options.categories.includes(c.slug))) {
      if (!category.articles.some((a) => !a.hidden)) continue;
      const handbook = buildHandbookHtml({ config, center, category, language, store, t, date });
      const file = join(dir, `${fileNameOf(category.slug)}.html`);
      writeFileAtomic(file, handbook.html);
      copyImages(config, handbook.images, dir);
      files.push(file);
      warnings.push(...handbook.warnings);
      links.push({ href: `${fileNameOf(category.slug)}.html`, title: /<h1 class="handbook-title">([^<]*)<\/h1>/.exec(handbook.html)?.[1] ?? category.title, count: handbook.articles });
    }
    const index = unified()
      .use(rehypeStringify)
      .stringify({
        type: 'root',
        children: [
          { type: 'doctype' },
          h('html', { lang: language, dir: directionOf(language) }, [
            h('head', [h('meta', { charSet: 'utf-8' }), h('title', t('contents')), h('style', HANDBOOK_CSS)]),
            h('body', [h('h1', t('contents')), h('ul', links.map((l) => h('li', [h('a', { href: l.href }, l.title), ` — ${t('articles_count', { count: l.count })}`])))]),
          ]),
        ],
      });
    const indexFile = join(dir, 'index.html');
    writeFileAtomic(indexFile, index.replace(/&#x26;(#?\w+;)/g, '&$1'));
    builds.push({ language, files: [...files, indexFile], warnings });
  }
  return builds;
}
