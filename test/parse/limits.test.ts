// The article limits: how nesting is counted, that each limit is refused at its exact line, that
// the real corpus stays far below every limit, and the article-side mix-ups the limits came with.
import test from 'ava';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, ConfigError } from '../../src/config/config.ts';
import { LIMITS, checkArticleText, nestingOf } from '../../src/parse/limits.ts';
import { ArticleError } from '../../src/parse/problem.ts';
import { CORPUS, SEED, SHARED_NEED, parse, temporaryDir, testIf, texts } from '../helpers.ts';

/** A root with an empty articles folder and this handbook.config.json. */
function sampleRootDir(configJson: string): string {
  const root = temporaryDir();
  mkdirSync(join(root, 'articles'));
  writeFileSync(join(root, 'handbook.config.json'), configJson);
  return root;
}

test('nesting counts block quote and list markers before the text, and indentation before a marker', (t) => {
  t.is(nestingOf('Plain text'), 0);
  t.is(nestingOf('- item'), 1);
  t.is(nestingOf('  - nested item'), 2);
  t.is(nestingOf('> > - quoted list'), 3);
  t.is(nestingOf('>>> three'), 3);
  t.is(nestingOf('1. first'), 1);
  t.is(nestingOf('    code block text'), 0, 'indentation alone is not nesting');
  t.is(nestingOf('-not a marker'), 0);
  t.is(nestingOf('- '.repeat(2000)), 2000);
});

function refusal(text: string): { line: number; reason: string } | undefined {
  try {
    checkArticleText(text, 'x.md');
    return undefined;
  } catch (error) {
    if (!(error instanceof ArticleError)) throw error;
    return { line: error.line, reason: error.reason };
  }
}

test('each limit is refused at the first line over it, one past the limit; at the limit it is accepted', (t) => {
  const long = (n: number) => `Title\n\n${'x'.repeat(n)}\n`;
  t.is(refusal(long(LIMITS.lineLength)), undefined);
  t.is(refusal(long(LIMITS.lineLength + 1))?.line, 3);
  const nested = (n: number) => `Title\n${'> '.repeat(n)}x\n`;
  t.is(refusal(nested(LIMITS.nesting)), undefined);
  t.regex(refusal(nested(LIMITS.nesting + 1))?.reason ?? '', /nested 33 levels deep here, more than the limit of 32/);
  const items = (n: number) => Array.from({ length: n }, (_, i) => `- item ${i}`).join('\n');
  t.is(refusal(items(LIMITS.containerLines)), undefined);
  t.deepEqual(refusal(items(LIMITS.containerLines + 1))?.line, LIMITS.containerLines + 1);
  t.is(refusal('a\nb\u0000c\n')?.line, 2);
  const html = (n: number) => `${'<div>\n'.repeat(n)}x\n${'</div>\n'.repeat(n)}`;
  t.is(refusal(html(LIMITS.htmlNesting)), undefined);
  t.is(refusal(html(LIMITS.htmlNesting + 1))?.line, LIMITS.htmlNesting + 1);
  t.is(refusal(`${'<id> <br> <p> <img src=x> <b/>\n'.repeat(100)}`), undefined, 'placeholders, void and self-closed tags do not nest');
  const liquid = (n: number) => `${'{% callout %}\n'.repeat(n)}x\n${'{% endcallout %}\n'.repeat(n)}`;
  t.notThrows(() => parse(liquid(LIMITS.liquidNesting)));
  const error = t.throws(() => parse(liquid(LIMITS.liquidNesting + 1)), { instanceOf: ArticleError });
  t.is(error?.line, LIMITS.liquidNesting + 1);
});

testIf(SHARED_NEED)('corpus: every article is far below every limit (the README states these maxima)', (t) => {
  const files: string[] = [SEED];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.md')) files.push(join(dir, entry.name));
    }
  };
  walk(join(CORPUS, '_articles'));
  let bytes = 0;
  let line = 0;
  let depth = 0;
  let containers = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes = Math.max(bytes, statSync(file).size);
    const lines = text.split('\n');
    line = Math.max(line, ...lines.map((l) => l.length));
    depth = Math.max(depth, ...lines.map(nestingOf));
    containers = Math.max(containers, lines.filter((l) => nestingOf(l) > 0).length);
    t.is(refusal(text), undefined, file);
  }
  t.log(`corpus maxima: ${bytes} bytes, ${line} characters in a line, nesting ${depth}, ${containers} container lines`);
  t.deepEqual({ kb: Math.round(bytes / 102.4) / 10, line, depth, containers }, { kb: 40.8, line: 759, depth: 3, containers: 76 });
  t.true(bytes * 6 < LIMITS.articleBytes && line * 13 < LIMITS.lineLength && depth * 10 < LIMITS.nesting && containers * 13 < LIMITS.containerLines);
});

test('private-use characters in text are text; the Liquid beside them is still a code', (t) => {
  const article = parse('# Icons \uE000\n\nPrivate \uE000 use \uE001\uE100\uE101 {{ site.baseurl }} here.\n');
  t.deepEqual(texts(article), ['Icons \uE000', 'Private \uE000 use \uE001\uE100\uE101 {s1:{{ site.baseurl }}} here.']);
});

test('CRLF front matter reads as LF front matter: hidden and categories as the last key', (t) => {
  for (const eol of ['\n', '\r\n']) {
    const hidden = parse(`---${eol}title: A${eol}hidden: true${eol}---${eol}Text${eol}`, 'x/a.md');
    t.true(hidden.hidden, JSON.stringify(eol));
    const category = parse(`---${eol}title: B${eol}categories: [send]${eol}---${eol}Text${eol}`, 'x/b.md');
    t.is(category.category, 'send');
  }
});

test('front matter that is not a mapping is refused naming its line; a YAML error points inside the block', (t) => {
  t.is(t.throws(() => parse('---\n- a list\n---\nText\n'), { instanceOf: ArticleError })?.line, 2);
  t.is(t.throws(() => parse('---\ntitle: [unclosed\n---\nText\n'), { instanceOf: ArticleError })?.line, 2);
});

test('handbook.config.json keys are data: "__proto__", "constructor" and "toString" are unknown keys', (t) => {
  for (const key of ['__proto__', 'constructor', 'toString']) {
    const root = sampleRootDir(`{"${key}": 1}`);
    t.throws(() => loadConfig(root), { instanceOf: ConfigError, message: new RegExp(`unknown key "${key}"`) });
  }
  const root = sampleRootDir('{"liquid": {"__proto__": {"body": "none"}, "constructor": {"translateArgsFrom": 1}}}');
  const config = loadConfig(root);
  t.is(Object.getPrototypeOf(config.liquid), Object.prototype, 'no prototype replaced');
  t.deepEqual(Object.getOwnPropertyDescriptor(config.liquid, '__proto__')?.value, { body: 'none' });
});

test('a Liquid tag named like an Object property is an ordinary locked tag', (t) => {
  t.deepEqual(texts(parse('Use {% constructor x %} and {% toString %} and {% __proto__ %} here.\n')), [
    'Use {s1:{% constructor x %}} and {s2:{% toString %}} and {s3:{% __proto__ %}} here.',
  ]);
});
