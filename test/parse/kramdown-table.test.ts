// Tables without a `|---|` row, as kramdown reads them: one unit per cell, positions in the source.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainText } from '../../src/model/unit.ts';
import { localizeArticle } from '../../src/render/markdown/localize.ts';
import { CORPUS, HAS_SHARED, NO_SHARED, parse, shown } from '../helpers.ts';

test('a headerless table gives one unit per cell, with row and column, codes from the source', (t) => {
  const a = parse('Options:\n\n  |**Text**|Type or paste `a|b` \\| here {% icon fa-cog %}|\n  | **File** | Select a file. |\n  ||Empty first cell|\n');
  t.deepEqual(
    a.units.map((u) => [u.context.line, u.context.element, shown(u)]),
    [
      [1, 'paragraph', 'Options:'],
      [3, 'table cell, row 1, column 1', '{o1:**}Text{c1:**}'],
      [3, 'table cell, row 1, column 2', 'Type or paste {s1:`a|b`} | here'],
      [4, 'table cell, row 2, column 1', '{o1:**}File{c1:**}'],
      [4, 'table cell, row 2, column 2', 'Select a file.'],
      [5, 'table cell, row 3, column 2', 'Empty first cell'],
    ],
  );
  for (const unit of a.units) t.true(unit.syntax === 'markdown' || unit.syntax === 'table-cell');
  // Every span is a source span: an identity translation is the source, a translation stays in its cell.
  t.is(localizeArticle(a, (u) => u.segments).text, a.source);
  const out = localizeArticle(a, (u) => (u.context.element === 'table cell, row 2, column 2' ? [{ type: 'text', value: '# Datei | wählen' }] : undefined)).text;
  t.true(out.includes('  | **File** | # Datei \\| wählen |\n'), out);
});

test('a paragraph with a line that does not start with | stays a paragraph', (t) => {
  const a = parse('|a|b|\nplain line\n');
  t.deepEqual(a.units.map((u) => u.kind), ['paragraph']);
});

if (HAS_SHARED) {
  test('corpus: the Send tables without header row are read cell by cell', (t) => {
    const path = join(CORPUS, '_articles/send/create-send.md');
    const a = parse(readFileSync(path, 'utf8'), path);
    const cells = a.units.filter((u) => u.kind === 'table-cell');
    const rows = new Set(cells.map((u) => u.context.line));
    t.true(cells.length >= 40, `${cells.length} cells`);
    t.is(cells.length, rows.size * 2, 'two cells in every row');
    t.deepEqual(a.units.filter((u) => plainText(u.segments).includes('|')).map((u) => u.context.line), [], 'no unit full of pipes');
    t.true(Math.max(...a.units.map((u) => u.words)) < 100);
  });
} else {
  test.skip(`corpus headerless tables: ${NO_SHARED}`, () => {});
}
