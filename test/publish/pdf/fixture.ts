// Hand-built handbook documents covering every construct of the document vocabulary and every script.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'hast';
import { h } from 'hastscript';
import sharp from 'sharp';
import type { HandbookArticle, HandbookDocument, TocEntry } from '../../../src/handbook/document.ts';

/** A PNG, a JPEG and a two-frame GIF, made with sharp in a temporary folder. */
export async function fixtureImages(): Promise<Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-fixture-'));
  const files = new Map<string, string>();
  const make = (w: number, hgt: number, color: string) => sharp({ create: { width: w, height: hgt, channels: 4, background: color } });
  await make(800, 400, '#3b82f6cc').png().toFile(join(dir, 'shot.png'));
  await make(600, 300, '#f59e0b').jpeg().toFile(join(dir, 'photo.jpg'));
  await make(300, 200, '#10b981').gif().toFile(join(dir, 'anim.gif'));
  files.set('shot.png', join(dir, 'shot.png'));
  files.set('photo.jpg', join(dir, 'photo.jpg'));
  files.set('anim.gif', join(dir, 'anim.gif'));
  return files;
}

const longRows = Array.from({ length: 70 }, (_, i) =>
  h('tr', [h('td', `Row ${i + 1}`), h('td', ['A cell whose text is long enough to wrap onto a second line in its column, row ', String(i + 1)]), h('td', { align: 'right' }, h('code', `opt-${i}`))]),
);

function body(words: { para: string; other: string }): Root {
  return h(null, [
    h('p', [words.para, ' ', h('strong', 'bold'), ', ', h('em', 'italic'), ', ', h('code', 'inline code'), ', ', h('del', 'deleted'), ', ', h('a', { href: 'https://example.com/x' }, 'an external link'), ' and ', h('a', { href: '#tables' }, 'a jump to the tables'), '.']),
    h('h2', { id: 'lists' }, 'Lists'),
    h('ol', [
      h('li', ['First step ', h('i.icon', { dataIcon: 'fa-cog', ariaLabel: 'Settings' }), ' with an icon']),
      h('li', ['Second step', h('ul', [h('li', 'Nested bullet'), h('li', ['Another nested', h('ol', [h('li', 'Deep one'), h('li', 'Deep two')])])])]),
      h('li', [h('p', 'Third step in a paragraph'), h('pre', h('code', 'npm install --global handbook\nhandbook build --format pdf --lang de,ja,ar --category getting-started --out /a/very/long/path/that/goes/on/and/on/and/on/for/ever/output'))]),
    ]),
    h('h3', { id: 'other-scripts' }, 'Other scripts'),
    h('p', words.other),
    h('p', 'Ελληνικά και Русский текст. 日本語のテキストと中文文本。한국어 텍스트.'),
    h('p', 'Arabic: مرحبا بالعالم (نص) 123 and Hebrew: שלום עולם.'),
    h('h2', { id: 'tables' }, 'Tables'),
    h('table', [h('thead', h('tr', [h('th', 'Name'), h('th', 'Description'), h('th', { align: 'right' }, 'Option')])), h('tbody', longRows)]),
    h('h2', { id: 'callouts' }, 'Callouts'),
    ...['info', 'warning', 'danger', 'success', 'note'].map((kind) =>
      h('aside.callout', { dataCallout: kind }, [h('p.callout-label', kind[0]!.toUpperCase() + kind.slice(1)), h('p', `A ${kind} callout with `, h('strong', 'bold text'), ' inside.'), h('ul', [h('li', 'and a list')])]),
    ),
    h('h2', { id: 'figures' }, 'Figures'),
    h('figure', [h('img', { src: 'shot.png', alt: 'A blue screenshot' }), h('figcaption', 'A PNG with transparency')]),
    h('figure', [h('img', { src: 'photo.jpg', alt: 'An orange photo' }), h('figcaption', 'A JPEG')]),
    h('figure', [h('img', { src: 'anim.gif', alt: 'A green animation' }), h('figcaption', 'A GIF, first frame')]),
    h('figure.missing', [h('figcaption', 'A picture that is missing')]),
    h('figure', [h('img', { src: 'not-there.png', alt: 'Gone' }), h('figcaption', 'An img the document has no file for')]),
    h('h2', { id: 'tabs' }, 'Tabs'),
    h('section.tabs', [
      h('section.tab', [h('p.tab-title', 'Web vault'), h('p', 'Do this in the web vault.')]),
      h('section.tab', [h('p.tab-title', 'Mobile'), h('p', 'Do this on the phone.')]),
    ]),
    h('hr'),
    h('blockquote', h('p', 'A quotation.')),
    h('p', ['Icons in a legend: ', h('i.icon', { dataIcon: 'fa-bank', ariaLabel: 'Bank' }), ' bank, ', h('i.icon', { dataIcon: 'fa-star', ariaLabel: 'Star' }), ' star, ', h('i.icon', { dataIcon: 'fa-no-such-icon', ariaLabel: 'Unknown' }), ' unknown.']),
  ]);
}

const SAMPLE: Record<string, { title: string; para: string; other: string; dir: 'ltr' | 'rtl'; contents: string; page: string }> = {
  en: { title: 'Getting started', para: 'A paragraph with', other: 'Text in English.', dir: 'ltr', contents: 'Contents', page: 'Page {p} of {t}' },
  ja: { title: 'はじめに', para: 'これは段落です。日本語の文章が長く続いて、行の終わりで折り返されることを確かめます。', other: '漢字、ひらがな、カタカナ。', dir: 'ltr', contents: '目次', page: '{p} / {t} ページ' },
  ar: { title: 'البدء', para: 'هذه فقرة فيها كلمة English في وسطها و', other: 'نص عربي طويل يلتف على عدة أسطر للتأكد من أن التخطيط من اليمين إلى اليسار يعمل كما ينبغي في كل مكان.', dir: 'rtl', contents: 'المحتويات', page: 'الصفحة {p} من {t}' },
};

export function fixtureDocument(language: 'en' | 'ja' | 'ar', imageFiles: ReadonlyMap<string, string>, articles = 3): HandbookDocument {
  const s = SAMPLE[language]!;
  const list: HandbookArticle[] = Array.from({ length: articles }, (_, i) => ({
    id: `article-${i + 1}`,
    path: `getting-started/article-${i + 1}.md`,
    title: `${s.title} ${i + 1}`,
    titleLanguage: language,
    notice: i === 1 ? 'This page is not yet translated.' : undefined,
    body: body(s),
  }));
  const toc: TocEntry[] = list.map((a) => ({
    id: a.id,
    title: a.title,
    level: 1,
    children: ['lists', 'tables', 'callouts', 'figures', 'tabs'].map((id) => ({ id, title: id, level: 2 as const, children: [] })),
  }));
  return {
    language,
    sourceLanguage: 'en',
    direction: s.dir,
    category: 'getting-started',
    fileName: 'getting-started',
    title: s.title,
    date: new Date('2026-12-02T12:00:00Z'),
    words: {
      contents: s.contents,
      page: (p, t) => s.page.replace('{p}', String(p)).replace('{t}', String(t)),
      generatedOn: 'Generated on 2 December 2026',
      languageLine: `Language: ${language}`,
      articleCount: `${articles} articles`,
      handbookTitle: `Handbook: ${s.title}`,
    },
    toc,
    articles: list,
    imageFiles,
    warnings: [],
  };
}
