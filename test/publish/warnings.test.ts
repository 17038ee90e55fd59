// Warnings of a build: once per problem, with the languages it concerns, grouped by kind.
import test from 'ava';
import { groupWarnings } from '../../src/publish/warnings.ts';

test('the same problem in several languages is one warning; groups are ordered by size', (t) => {
  const image = { file: 'a.md', line: 3, kind: 'missing-image', message: 'image x.png is missing' };
  const link = { file: 'b.md', line: 9, kind: 'missing-anchor', message: 'link to #y' };
  const other = { file: 'a.md', line: 1, kind: 'missing-image', message: 'image w.png is missing' };
  const groups = groupWarnings([
    { language: 'en', warnings: [image, link] },
    { language: 'de', warnings: [image, other] },
    { language: 'ar', warnings: [image, image] },
  ]);
  t.deepEqual(groups, [
    { kind: 'missing-image', warnings: [{ ...other, languages: ['de'] }, { ...image, languages: ['en', 'de', 'ar'] }] },
    { kind: 'missing-anchor', warnings: [{ ...link, languages: ['en'] }] },
  ]);
});
