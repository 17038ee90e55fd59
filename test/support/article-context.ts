// A publishing context for one article alone (slug `a`, every picture and icon present), for tests
// that turn Markdown into the handbook's article tree without assembling a whole handbook.
import type { ArticleHtmlContext } from '../../src/handbook/article.ts';

export function articleContext(warn: ArticleHtmlContext['warn'] = () => {}): ArticleHtmlContext {
  return {
    slug: 'a',
    inHandbook: new Map(),
    known: new Set(),
    redirects: new Map(),
    siteUrl: 'https://site.example',
    warn,
    useImage: () => true,
    calloutLabel: (type) => type,
    hasIcon: () => true,
    articleUrl: (slug) => `https://site.example/article/${slug}/`,
  };
}
