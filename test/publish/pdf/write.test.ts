// The PDF writer on hand-built documents: every construct and script, checked with qpdf and poppler.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { h } from 'hastscript';
import { writePdf } from '../../../src/publish/pdf/write.ts';
import { MissingGlyphError } from '../../../src/publish/pdf/missing-glyph.ts';
import { fixtureDocument, fixtureImages } from './fixture.ts';
import { NO_PDF_TOOLS, PDF_TOOLS, pageTexts, pdfFonts, pdfInfo, qpdfCheck, saved } from './support.ts';

const images = fixtureImages();
const built = new Map<string, Promise<Awaited<ReturnType<typeof writePdf>>>>();
function pdfOf(language: 'en' | 'ja' | 'ar') {
  let p = built.get(language);
  if (!p) built.set(language, (p = images.then((files) => writePdf(fixtureDocument(language, files)))));
  return p;
}

const withTools = PDF_TOOLS.length ? test.skip : test;
if (PDF_TOOLS.length) test.skip(NO_PDF_TOOLS, () => {});

for (const language of ['en', 'ja', 'ar'] as const) {
  withTools(`${language}: qpdf --check passes, every font embedded, tagged, title and language set`, async (t) => {
    const { bytes, pages } = await pdfOf(language);
    const file = saved(bytes);
    const check = qpdfCheck(file);
    t.is(check.code, 0, check.out);
    t.regex(check.out, /No syntax or stream encoding errors/);
    const fonts = pdfFonts(file);
    t.true(fonts.length >= 4, fonts.map((f) => f.name).join(' '));
    t.deepEqual(fonts.filter((f) => !f.embedded), [], 'every font is embedded');
    t.true(fonts.every((f) => /^[A-Z]{6}\+/.test(f.name)), 'every font is a subset');
    t.true(fonts.some((f) => f.name.includes('FontAwesome')), 'icons drawn with Font Awesome');
    const info = pdfInfo(file);
    t.is(info.get('Tagged'), 'yes');
    t.is(Number(info.get('Pages')), pages);
    t.regex(info.get('Title') ?? '', /^Handbook: /);
    t.regex(info.get('Page size') ?? '', /\(A4\)/);
  });
}

withTools('contents page numbers are the pages where articles start; page furniture says "Page n of N"', async (t) => {
  const { bytes, pages } = await pdfOf('en');
  const texts = pageTexts(saved(bytes));
  t.is(texts.length, pages);
  t.regex(texts[0]!, /Getting started\s+Handbook: Getting started[\s\S]*Language: en[\s\S]*3 articles/, 'cover');
  t.notRegex(texts[0]!, /Page 1 of/, 'no furniture on the cover');
  const contents = texts[1]!;
  t.regex(contents, /Contents/);
  const entries = [...contents.matchAll(/^\s*(Getting started \d)\s+(\d+)\s*$/gm)];
  t.is(entries.length, 3);
  for (const [, title, page] of entries) {
    const text = texts[Number(page) - 1]!;
    t.regex(text, new RegExp(`^\\s*Handbook: Getting started\\s+${title}\\s`), `${title} starts on page ${page}`);
  }
  texts.slice(1).forEach((text, i) => t.regex(text, new RegExp(`Page ${i + 2} of ${pages}\\s*$`)));
});

withTools('every construct prints its text: inline runs, lists, code, tables across pages, callouts, figures, tabs, icons', async (t) => {
  const { bytes, warnings } = await pdfOf('en');
  const all = pageTexts(saved(bytes)).join('\n');
  for (const s of ['A paragraph with bold, italic, inline code, deleted, an external link', 'Deep two', 'npm install --global handbook', 'Row 70', 'opt-69', 'A warning callout with bold text inside.', 'A GIF, first frame', 'A picture that is missing', 'Web vault', 'A quotation.', '[Unknown]']) {
    t.true(all.includes(s), s);
  }
  t.true(all.includes('Ελληνικά και Русский текст. 日本語のテキストと中文文本。한국어 텍스트.'), 'Greek, Cyrillic, Japanese, Chinese, Korean');
  // The table header row is repeated on the page the table continues on.
  const table = pageTexts(saved(bytes)).filter((p) => /Row \d+/.test(p));
  t.true(table.length >= 2, 'the table spans pages');
  for (const p of table) t.regex(p, /Name\s+Description\s+Option/);
  // No line runs off the page: the long code line wraps.
  t.true(all.includes('/a/very/long/path/that/goes/on'));
  t.deepEqual(
    warnings.filter((w) => w.file === 'getting-started/article-1.md').map((w) => w.kind).sort(),
    ['missing-image', 'unknown-icon'],
    'one warning for the picture the document has no file for, one for the unknown icon',
  );
});

withTools('right-to-left: Arabic shaped and laid out from the right, mixed-direction lines in bidi order', async (t) => {
  const { bytes } = await pdfOf('ar');
  const texts = pageTexts(saved(bytes));
  const article = texts[2]!;
  t.true(article.includes('البدء 1') || article.includes('1 البدء'), article.slice(0, 200));
  // Right aligned: the heading's line ends at the right margin, so -layout indents it far.
  const title = article.split('\n').find((l) => l.includes('البدء'))!;
  t.true(title.length - title.trimStart().length > 40, `right aligned: ${JSON.stringify(title)}`);
  t.true(texts.join('\n').includes('שלום עולם'), 'Hebrew');
  t.regex(texts.join('\n'), /مرحبا/, 'Arabic text extracted in logical order');
  t.regex(texts[1]!, /المحتويات/);
});

test('a character no configured font can draw is an error naming the article and the character', async (t) => {
  const document = fixtureDocument('en', await images, 1);
  const broken = { ...document, articles: [{ ...document.articles[0]!, body: h(null, [h('p', 'Hieroglyph \u{13000} here')]) }] };
  const error = await t.throwsAsync(writePdf(broken), { instanceOf: MissingGlyphError });
  t.regex(error!.message, /getting-started\/article-1\.md: no configured font can draw the character "\u{13000}" \(U\+13000\)/u);
});

// Han characters take the forms their readers expect: traditional Chinese (zh-TW and zh-HK through
// their likely script zh-Hant) from the traditional face, simplified Chinese from the simplified one.
for (const [language, face, other] of [
  ['zh-TW', 'NotoSansHant', 'NotoSansHans'],
  ['zh-Hant', 'NotoSansHant', 'NotoSansHans'],
  ['zh-CN', 'NotoSansHans', 'NotoSansHant'],
] as const) {
  withTools(`${language}: Han characters are drawn with ${face}`, async (t) => {
    const document = fixtureDocument('en', await images, 1);
    const text = '設定帳戶與密碼，然後登入。';
    const chinese = { ...document, language, articles: [{ ...document.articles[0]!, title: '帳戶設定', titleLanguage: language, body: h(null, [h('p', text)]) }] };
    const { bytes } = await writePdf(chinese);
    const file = saved(bytes);
    const names = pdfFonts(file).map((f) => f.name);
    t.true(names.some((n) => n.includes(face)), names.join(' '));
    t.false(names.some((n) => n.includes(other)), names.join(' '));
    t.true(pageTexts(file).join('\n').includes(text), 'the text layer reads the characters back');
  });
}

/** Each word pdftotext finds on the pages (from the first), with its box in points. */
function words(file: string): { text: string; xMin: number; xMax: number }[] {
  const out = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  return [...out.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]) }));
}

withTools('right to left: a label with Latin letters only (a tab title, a table cell) stands at the right like the HTML handbook lays it out; a block that states left to right stands at the left', async (t) => {
  const files = await images;
  const document = fixtureDocument('ar', files, 1);
  const article = document.articles[0]!;
  const body = h(null, [
    h('p', 'نص عربي طويل يلتف على عدة أسطر للتأكد من أن التخطيط من اليمين إلى اليسار يعمل كما ينبغي في كل مكان وفي كل سطر من الأسطر.'),
    h('section.tabs', [h('section.tab', [h('p.tab-title', 'Linux'), h('p', 'افتح الطرفية.')])]),
    h('table', [h('thead', h('tr', [h('th', 'الذاكرة'), h('th', 'القرص')])), h('tbody', h('tr', [h('td', '2GB RAM'), h('td', 'نص')]))]),
    h('p', { lang: 'en', dir: 'ltr' }, 'Fallback sentence in English.'),
  ]);
  const { bytes } = await writePdf({ ...document, articles: [{ ...article, body }] });
  const found = words(saved(bytes));
  const right = Math.max(...found.map((w) => w.xMax));
  const left = Math.min(...found.filter((w) => /[\u0600-\u06FF]/.test(w.text)).map((w) => w.xMin));
  const linux = found.find((w) => w.text === 'Linux')!;
  t.true(right - linux.xMax < 2, `the tab title "Linux" ends ${(right - linux.xMax).toFixed(1)} pt from the right edge of the text`);
  const ram = found.find((w) => w.text === '2GB')!;
  // pdftotext -bbox gives Arabic words in the order their letters are drawn.
  const disk = found.find((w) => w.text === 'القرص' || w.text === [...'القرص'].reverse().join(''))!;
  t.true(ram.xMin > disk.xMax, 'the first column is at the right');
  t.true(right - found.find((w) => w.text === 'RAM')!.xMax < 12, 'the cell "2GB RAM" starts at its right edge, after the cell padding');
  const fallback = found.find((w) => w.text === 'Fallback')!;
  t.true(fallback.xMin - left < 2, `the paragraph stated left to right starts ${(fallback.xMin - left).toFixed(1)} pt from the left edge`);
});
