// A parse worker thread (see parse-threads.ts): takes the next article from the shared counter until
// none is left, parses it exactly as the main thread would, and posts its model (or why it cannot
// be read) at once; then it ends.
import { workerData } from 'node:worker_threads';
import type { ParseOptions } from './article.ts';
import { parseOutcome, type ParseReply, type ParseWorkerData } from './parse-threads.ts';
import { ArticleError } from './problem.ts';

const { options: json, jobs, next, port } = workerData as ParseWorkerData;
const options = JSON.parse(json) as ParseOptions;

for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
  let reply: ParseReply;
  try {
    const outcome = parseOutcome(jobs[index]!, options);
    reply = outcome instanceof ArticleError
      ? { index, problem: { file: outcome.file, line: outcome.line, reason: outcome.reason } }
      : { index, article: outcome };
  } catch (error) {
    reply = { index, failed: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
}
