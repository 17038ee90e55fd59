import test from 'ava';
import { maskLiquid } from '../../src/parse/liquid.ts';
import { LineIndex } from '../../src/parse/problem.ts';
import { DEFAULT_LIQUID_RULES } from '../../src/config/liquid-rules.ts';
import { ArticleError } from '../../src/parse/problem.ts';

const mask = (source: string) => maskLiquid(source, 0, DEFAULT_LIQUID_RULES, 'a.md', new LineIndex(source));

test('masking keeps every offset: the masked text has the same length', (t) => {
  const source = 'See [x]({{site.baseurl}}/a/) and {% icon fa-cogs %}.\n{% callout info %}\nHi\n{% endcallout %}\n';
  t.is(mask(source).masked.length, source.length);
});

test('block tags alone on a line become blank lines', (t) => {
  const { masked } = mask('Text\n{% callout info %}\nInside\n  {%endcallout%}\n');
  t.is(masked, 'Text\n                  \nInside\n                \n');
});

test('inline Liquid becomes one opaque word with no Markdown meaning', (t) => {
  const { masked, pieces } = mask('|a|{{ x | markdownify }}|');
  t.false(masked.slice(3, -1).includes('|'));
  t.is(pieces.length, 1);
  t.is(pieces[0]!.data, '{{ x | markdownify }}');
});

test('comment and raw bodies are one opaque piece, whatever they contain', (t) => {
  const { pieces, blocks } = mask('a {% comment %} {{ x }} {% if %} {% endcomment %} b');
  t.is(pieces.length, 1);
  t.is(blocks[0]!.body, 'none');
});

test('irregular spacing pairs the same way', (t) => {
  const { blocks } = mask('{%callout success%}\nx\n{% endcallout%}\n');
  t.is(blocks.length, 1);
  t.is(blocks[0]!.name, 'callout');
  t.is(blocks[0]!.args.trim(), 'success');
});

test('the caption of an image tag is translatable text, its path is not', (t) => {
  const source = '{% image folder/pic.png Select the gear icon %}';
  const { argumentTexts } = mask(source);
  t.is(source.slice(argumentTexts[0]!.span.start, argumentTexts[0]!.span.end), 'Select the gear icon');
});

test('an unclosed callout is an error naming its line', (t) => {
  const error = t.throws(() => mask('a\n\n{% callout info %}\ntext\n'), { instanceOf: ArticleError });
  t.is(error!.line, 3);
  t.regex(error!.message, /never closed.*endcallout/);
});

test('a stray end tag is an error naming its line', (t) => {
  const error = t.throws(() => mask('a\n{% endcallout %}\n'), { instanceOf: ArticleError });
  t.is(error!.line, 2);
});

test('an unterminated tag is an error naming its line', (t) => {
  const error = t.throws(() => mask('one\ntwo {% icon fa-x \n'), { instanceOf: ArticleError });
  t.is(error!.line, 2);
});
