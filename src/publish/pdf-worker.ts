// A PDF worker thread (see workers.ts): takes one handbook job at a time, writes its PDF with the
// pdf writer exactly as the main thread would, and answers with the writer's result.
import { parentPort } from 'node:worker_threads';
import { pageWords } from '../handbook/assemble.ts';
import type { HandbookDocument } from '../handbook/document.ts';
import { createTranslator, type Translate } from '../words/words.ts';
import { pdfWriter } from './pdf/writer.ts';
import type { PdfJobMessage, PdfJobReply } from './workers.ts';

const translators = new Map<string, Promise<Translate>>();

function translatorFor(job: PdfJobMessage): Promise<Translate> {
  const { locales, language, sourceLanguage } = job.words;
  const key = JSON.stringify([locales, language, sourceLanguage]);
  let t = translators.get(key);
  if (!t) translators.set(key, (t = createTranslator(locales, language, sourceLanguage)));
  return t;
}

async function run(job: PdfJobMessage): Promise<PdfJobReply> {
  try {
    const t = await translatorFor(job);
    const document: HandbookDocument = { ...job.document, words: { ...job.document.words, page: pageWords(t) } };
    const result = await pdfWriter.write(document, job.outDir, job.run);
    return { ok: true, files: result.files, warnings: result.warnings };
  } catch (error) {
    // The main thread writes this handbook again itself and reports the failure as it would alone.
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort!.on('message', (job: PdfJobMessage) => {
  void run(job).then((reply) => parentPort!.postMessage(reply));
});
