// A handbook's PDF is a function of its document: the same bytes whether it is the first PDF the
// process builds or comes after others (picture labels, fonts and caches shared by a run change nothing).
import test from 'ava';
import { writePdf } from '../../../src/publish/pdf/write.ts';
import { fixtureDocument, fixtureImages } from './fixture.ts';

test('a handbook built alone and the same handbook built after another give the same PDF bytes', async (t) => {
  const files = await fixtureImages();
  // The fixture pins the document's date, which is the PDF's creation date and file id.
  const alone = await writePdf(fixtureDocument('en', files));
  const other = await writePdf(fixtureDocument('ja', files));
  const after = await writePdf(fixtureDocument('en', files));
  t.true(other.bytes.length > 0);
  t.is(after.pages, alone.pages);
  t.true(after.bytes.equals(alone.bytes), 'the English PDF built after the Japanese one has the same bytes');
});
