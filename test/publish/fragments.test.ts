// Per-article reuse inside a handbook: a build that reuses the articles an earlier build assembled
// and rendered gives the same document and the same bytes as one that makes them all again.
import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { assembleHandbook, type ArticleReuse } from '../../src/handbook/assemble.ts';
import type { HandbookDocument } from '../../src/handbook/document.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { HandbookFragments } from '../../src/publish/fragments.ts';
import { renderHtmlHandbook } from '../../src/publish/html.ts';
import { renderMarkdownHandbook } from '../../src/publish/markdown.ts';
import { assembledArticleInputs, buildInputs, handbookArticlesInputs, languageInputs } from '../../src/publish/up-to-date.ts';
import { storePath } from '../../src/store/store.ts';
import { toTagged } from '../../src/store/tagged.ts';
import { TranslationStore } from '../../src/store/translations.ts';
import { createTranslator } from '../../src/words/words.ts';
import { temporaryDir } from '../helpers.ts';

const DATE = new Date('2026-12-02T12:00:00Z');

/** A document as data: its footer's page words are a function, made anew by each assembly. */
const comparable = (document: HandbookDocument) => ({ ...document, words: { ...document.words, page: document.words.page(3, 41) } });

function writeArticles(root: string, articles: Readonly<Record<string, string>>): void {
  mkdirSync(join(root, '_articles/guide'), { recursive: true });
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify({ articles: '_articles', targetLanguages: ['de'] }));
  for (const [k, [name, body]] of Object.entries(articles).entries()) {
    writeFileSync(join(root, '_articles/guide', `${name}.md`), `---\ntitle: ${name}\ncategories: [guide]\norder: ${k + 1}\n---\n\n${body}`);
  }
}

/** One build of the guide's handbook through the fragments cache, beside one from scratch. */
async function build(root: string, language = 'en') {
  const config = loadConfig(root, { cache: true });
  const center = readHelpCenter(config);
  const category = center.categories.find((c) => c.slug === 'guide')!;
  const t = await createTranslator(config.locales, language, config.sourceLanguage);
  const input = { config, center, category, language, store: new TranslationStore(config.locales, language), t, date: DATE };
  const handbook = handbookArticlesInputs(languageInputs(buildInputs(config, center), config, language), category);
  const fragments = new HandbookFragments(config.cache!, language, category.slug, (article) => assembledArticleInputs(handbook, article, language === config.sourceLanguage ? undefined : input.store));
  let reused = 0;
  const counting: ArticleReuse = {
    get: (article) => {
      const known = fragments.get(article);
      if (known) reused++;
      return known;
    },
    keep: (article, assembled) => fragments.keep(article, assembled),
  };
  const document = assembleHandbook(input, counting);
  const markdown = renderMarkdownHandbook(document, fragments).markdown;
  const html = renderHtmlHandbook(document, fragments);
  fragments.save();
  const fresh = assembleHandbook(input);
  return { config, center, reused, document: comparable(document), markdown, html, fresh: comparable(fresh), freshMarkdown: renderMarkdownHandbook(fresh).markdown, freshHtml: renderHtmlHandbook(fresh) };
}

test('articles that did not change are reused, and the handbook is the one a build from scratch writes', async (t) => {
  const root = temporaryDir();
  const articles = {
    install: '## Setup\n\nRun the installer, then see [usage](/article/usage/#options).\n\n{% callout info %}A **note**.{% endcallout %}\n',
    usage: '## Options\n\n| Option | Meaning |\n|---|---|\n| `-v` | See [setup](/article/install/#setup). |\n\n- one\n- two\n',
    faq: '## Setup\n\nQ: [Where](#setup)? A: in [install](/article/install/).\n',
  };
  writeArticles(root, articles);
  const first = await build(root);
  t.is(first.reused, 0);
  t.is(first.markdown, first.freshMarkdown);
  const second = await build(root);
  t.is(second.reused, 3);
  t.deepEqual(second.document, second.fresh);
  t.is(second.markdown, second.freshMarkdown);
  t.is(second.html, second.freshHtml);

  writeArticles(root, { ...articles, usage: articles.usage.replace('- two', '- two, edited') });
  const edited = await build(root);
  t.is(edited.reused, 2, 'only the edited article is made again');
  t.regex(edited.markdown, /two, edited/);
  t.deepEqual(edited.document, edited.fresh);
  t.is(edited.markdown, edited.freshMarkdown);
  t.is(edited.html, edited.freshHtml);
});

test('a reused article whose links now point at renumbered GitHub anchors is written again with the new anchors', async (t) => {
  const root = temporaryDir();
  // GitHub numbers repeated heading anchors across the file, from the text the handbook shows.
  writeArticles(root, { install: '## Install\n\nText.\n', faq: '## Setup\n\nSee [this section](#setup).\n' });
  const first = await build(root, 'de');
  t.regex(first.markdown, /\[this section\]\(#setup\)/);
  // A German heading of install reads "Setup": faq's inputs did not change, but its anchor is #setup-1 now.
  const install = first.center.categories[0]!.articles.find((a) => a.path === 'guide/install.md')!;
  const heading = install.units.find((u) => u.kind === 'heading')!;
  const file = storePath(first.config.locales, 'de', install.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ [heading.id]: { source: toTagged(heading.segments), target: 'Setup', state: 'translated', revision: 1 } }));
  const second = await build(root, 'de');
  t.is(second.reused, 1);
  t.regex(second.markdown, /\[this section\]\(#setup-1\)/);
  t.is(second.markdown, second.freshMarkdown);
  t.is(second.html, second.freshHtml);
});
