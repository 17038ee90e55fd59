// An article as a handbook shows it: `{{site.baseurl}}` outside a link (in code, in text) reads as
// the site's address, as Jekyll prints it, never as the handbook's internal link marker; a kramdown
// attribute list in code reads as written.
import test from 'ava';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'hast-util-to-string';
import { loadConfig } from '../../src/config/config.ts';
import { assembleHandbook } from '../../src/handbook/assemble.ts';
import { readHelpCenter } from '../../src/parse/help-center.ts';
import { TranslationStore } from '../../src/store/translations.ts';
import { createTranslator } from '../../src/words/words.ts';
import { PROJECT, temporaryDir } from '../helpers.ts';

const ARTICLE = `---
layout: article
title: Site Addresses
categories: [reference]
order: "99"
---

The vault is at {{site.baseurl}}/vault and \`{{site.baseurl}}/api\` answers.

\`\`\`
curl {{site.baseurl}}/article/install-handbook/
[Jamf](https://www.jamf.com/){:target="\\_blank"}
\`\`\`

See [the install guide]({{site.baseurl}}/article/install-handbook/).
`;

test('{{site.baseurl}} in text, inline code and a code block is the configured siteUrl, as Jekyll prints it', async (t) => {
  const root = temporaryDir();
  cpSync(join(PROJECT, 'articles'), join(root, 'articles'), { recursive: true });
  writeFileSync(join(root, 'handbook.config.json'), readFileSync(join(PROJECT, 'handbook.config.json')));
  writeFileSync(join(root, 'articles/_articles/reference/site-addresses.md'), ARTICLE);
  const config = loadConfig(root);
  const center = readHelpCenter(config);
  const category = center.categories.find((c) => c.slug === 'reference')!;
  const translator = await createTranslator(config.locales, 'en', config.sourceLanguage);
  const doc = await assembleHandbook({ config, center, category, language: 'en', store: new TranslationStore(config.locales, 'en'), t: translator, date: new Date('2026-12-03T12:00:00Z') });
  const article = doc.articles.find((a) => a.path.endsWith('site-addresses.md'))!;
  const text = toString(article.body);
  t.false(text.includes('hb-site:'), text);
  t.true(text.includes('The vault is at https://example.com/handbook/vault and https://example.com/handbook/api answers.'), text);
  t.true(text.includes('curl https://example.com/handbook/article/install-handbook/'), text);
  t.true(text.includes('[Jamf](https://www.jamf.com/){:target="\\_blank"}'), 'an attribute list in code reads as written');
});
