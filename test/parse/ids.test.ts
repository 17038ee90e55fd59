import test from 'ava';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { SEED, SHARED_NEED, parse, testIf } from '../helpers.ts';

const idsByText = (text: string) => new Map(parse(text).units.map((u) => [u.id, u.segments]));

test('the same input gives the same ids', (t) => {
  const text = '---\ntitle: T\n---\n\nOne.\n\nTwo.\n';
  t.deepEqual(parse(text).units.map((u) => u.id), parse(text).units.map((u) => u.id));
});

test('two identical texts in one article get distinct ids', (t) => {
  const ids = parse('Same.\n\nSame.\n\n|Same.|\n|-|\n').units.map((u) => u.id);
  t.is(new Set(ids).size, ids.length);
  t.deepEqual(ids.slice(0, 2), [ids[0], `${ids[0]}-2`]);
});

const paragraph = fc.stringMatching(/^[A-Z][a-z]{2,8}( [a-z]{2,8}){0,6}\.$/);

test('inserting, deleting or moving other paragraphs changes no other unit id', (t) => {
  t.notThrows(() => fc.assert(
    fc.property(fc.uniqueArray(paragraph, { minLength: 2, maxLength: 8 }), paragraph, fc.nat(), (paragraphs, extra, at) => {
      fc.pre(!paragraphs.includes(extra));
      const before = idsByText(paragraphs.join('\n\n') + '\n');
      const inserted = [...paragraphs];
      inserted.splice(at % (paragraphs.length + 1), 0, extra);
      const after = idsByText(inserted.join('\n\n') + '\n');
      for (const [id, segments] of before) if (JSON.stringify(after.get(id)) !== JSON.stringify(segments)) return false;
      const moved = idsByText([...paragraphs].reverse().join('\n\n') + '\n');
      return [...before.keys()].every((id) => moved.has(id));
    }),
  ));
});

testIf(SHARED_NEED)('seed: inserting a paragraph at the top changes no other unit id', (t) => {
  const seed = readFileSync(SEED, 'utf8');
  const before = parse(seed).units.map((u) => u.id);
  const edited = seed.replace('---\n\nThis article', '---\n\nA brand new first paragraph.\n\nThis article');
  const after = parse(edited).units.map((u) => u.id);
  t.is(after.length, before.length + 1);
  t.deepEqual(after.filter((id) => before.includes(id)), before);
});
