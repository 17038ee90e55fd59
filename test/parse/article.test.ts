import test from 'ava';
import { parse, shown, texts } from '../helpers.ts';

const article = (body: string, front = 'title: A title\norder: 04\n') => parse(`---\n${front}---\n\n${body}`);

test('front matter: title and description are units, other values stay raw', (t) => {
  const a = article('Body text.\n', 'layout: article\ntitle:  Create & Share\norder: 04\ndescription: "A \\"quoted\\" line"\n');
  const fm = a.units.filter((u) => u.kind === 'front-matter');
  t.deepEqual(fm.map(shown), ['Create & Share', 'A "quoted" line']);
  t.is(fm[1]!.yamlStyle, 'QUOTE_DOUBLE');
  t.is(a.source.slice(fm[0]!.span.start, fm[0]!.span.end), 'Create & Share');
  t.is(a.source.slice(fm[1]!.span.start, fm[1]!.span.end), 'A \\"quoted\\" line');
  t.true(a.frontMatter!.raw.includes('order: 04'));
  t.is(a.order, 4);
});

test('emphasis, links and code become codes; URLs and code never become text', (t) => {
  const [, unit] = article('Use **Save**, *then* [the guide]({{site.baseurl}}/article/x/#y) with `bw sync`.\n').units;
  t.is(shown(unit!), 'Use {o1:**}Save{c1:**}, {o2:*}then{c2:*} {o3:[link]}the guide{c3:[/link]} with {s4:`bw sync`}.');
  const close = unit!.segments.find((s) => s.type === 'code' && s.kind === 'close' && s.role === 'link');
  t.is(close?.type === 'code' ? close.data : '', '](' + '{{site.baseurl}}/article/x/#y)');
});

test('Liquid inside text is a standalone code showing the tag', (t) => {
  const [, unit] = article('Select {% icon fa-cogs %} **Settings**.\n').units;
  t.is(shown(unit!), 'Select {s1:{% icon fa-cogs %}} {o2:**}Settings{c2:**}.');
});

test('callouts: their Markdown is translated, the tags are not, also on one line', (t) => {
  const a = article('{% callout info %}\nFirst **note**.\n{% endcallout %}\n\n1. Step\n\n   {% callout warning %}Second note.{% endcallout %}\n');
  t.deepEqual(texts(a).slice(1), ['First {o1:**}note{c1:**}.', 'Step', 'Second note.']);
  t.regex(a.units[1]!.context.element, /callout \(info\)/);
  t.regex(a.units[3]!.context.element, /numbered list item 1 in callout \(warning\)/);
});

test('comments hold nothing to translate', (t) => {
  const a = article('{% comment %}\nWriter note, do not translate.\n{% endcomment %}\nVisible.\n');
  t.deepEqual(texts(a).slice(1), ['Visible.']);
});

test('image captions are units of their own; the path is locked', (t) => {
  const a = article('{% image pics/one.png Click the big button %}\n\nText {% image two.png Inline caption %} here.\n');
  t.deepEqual(texts(a).slice(1), ['Click the big button', 'Text {s1:{% image two.png Inline caption %}} here.', 'Inline caption']);
  t.is(a.units[1]!.kind, 'image-caption');
  t.regex(a.units[1]!.context.element, /pics\/one\.png/);
});

test('tables: one unit per cell, with row and column in the context', (t) => {
  const a = article('|Task|Description|\n|----|----|\n|Add|Onboard [users]({{site.baseurl}}/a/)<br><br>and more \\| pipes|\n|`x`|-|\n');
  t.deepEqual(texts(a).slice(1), ['Task', 'Description', 'Add', 'Onboard {o1:[link]}users{c1:[/link]}{s2:<br>}{s3:<br>}and more | pipes']);
  t.is(a.units[4]!.context.element, 'table cell, row 1, column Description');
  t.is(a.units[4]!.syntax, 'table-cell');
});

test('raw HTML: text between tags is translated, tags and attributes are locked', (t) => {
  const a = article('<p>Select <b>Families</b> and <img src="x.png" alt="The families page"> then go.</p>\n\n<ul class="nav">\n  <li><a href="#be" class="nav-link">Browser Extensions</a></li>\n  <li><a href="#m">Mobile</a></li>\n</ul>\n');
  t.deepEqual(texts(a).slice(1), [
    'Select {o1:<b>}Families{c1:</b>} and {s2:<img>} then go.',
    'The families page',
    'Browser Extensions',
    'Mobile',
  ]);
  t.is(a.units[2]!.kind, 'html-attribute');
});

test('a line starting with <br> is a paragraph (as kramdown reads it), so its links are codes', (t) => {
  const a = article('<br>\nPlease [Contact Us](https://example.com/contact) today.\n');
  t.deepEqual(texts(a).slice(1), ['Please {o1:[link]}Contact Us{c1:[/link]} today.']);
});

test('kramdown attribute lists and autolinks are codes; link texts that are URLs are codes', (t) => {
  const a = article('Go to [the site](https://x.org){:target="\\_blank"} or <https://x.org/docs> or [https://x.org](https://x.org) now.\n');
  t.is(shown(a.units[1]!), 'Go to {o1:[link]}the site{c1:[/link]}{s2:{:target="\\_blank"}} or {s3:<https://x.org/docs>} or {s4:[https://x.org](https://x.org)} now.');
});

test('entities and backslash escapes are read as the characters they stand for', (t) => {
  const a = article('Select **File** &rarr; **Save** \\*now\\*.\n');
  t.is(shown(a.units[1]!), 'Select {o1:**}File{c1:**} → {o2:**}Save{c2:**} *now*.');
});

test('tabs made of capture blocks inside HTML: headings and paragraphs inside are units', (t) => {
  const body = '<div class="tab-content">\n  <div class="tab-pane" id="be">\n{% capture be_sync %}\n### Sync Extensions\n\nSelect **Sync**.\n{% endcapture %}\n{{ be_sync | markdownify }}\n  </div>\n</div>\n';
  const a = article(body);
  t.deepEqual(texts(a).slice(1), ['Sync Extensions', 'Select {o1:**}Sync{c1:**}.']);
  t.is(a.units[1]!.anchor, 'sync-extensions');
  t.regex(a.units[2]!.context.element, /tab "be_sync"/);
});

test('headings get kramdown ids, numbered when repeated', (t) => {
  const a = article('## Step 1: Set `up`\n\n## Step 1: Set up\n');
  t.deepEqual(a.units.slice(1).map((u) => u.anchor), ['step-1-set-up', 'step-1-set-up-1']);
});

test('soft line breaks read as spaces; hard breaks are codes', (t) => {
  const a = article('One\ntwo  \nthree\n');
  t.is(shown(a.units[1]!), 'One two{s1:↵}three');
});

test('word counts skip numbers and codes', (t) => {
  const a = article('Wait 30 minutes for `sync` to finish.\n');
  t.is(a.units[1]!.words, 5);
});

test('categories come from front matter, else the folder; hidden is kept', (t) => {
  t.is(parse('---\ntitle: X\ncategories: [account-management]\nhidden: true\n---\nx\n', 'account/x.md').category, 'account-management');
  t.is(parse('---\ntitle: X\ncategories: []\n---\nx\n', 'account/x.md').category, 'account');
  t.true(parse('---\ntitle: X\nhidden: true\n---\nx\n', 'a/x.md').hidden);
});

test('CRLF line endings and a byte order mark parse the same', (t) => {
  const a = parse('\uFEFF---\r\ntitle: T\r\n---\r\n\r\nHello **there**.\r\n');
  t.true(a.hasBom);
  t.deepEqual(texts(a), ['T', 'Hello {o1:**}there{c1:**}.']);
});

test('a bare "www." or URL that the autolink transform splits is read, not a crash (found by the ids property test)', (t) => {
  const units = parse('Aaa www.\n\nSee www.example.com and https://a.example/x, or \\*mail a@b.example.\n').units;
  t.is(units.length, 2);
  t.true(shown(units[0]!).startsWith('Aaa '));
  t.true(shown(units[1]!).includes('www.example.com'));
});
