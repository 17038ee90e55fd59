// A parse worker thread (see parse-threads.ts): loads the parser, waits for its work, then takes the
// next article from the shared counter until none is left, parses it exactly as the main thread
// would, and posts its model (or why it cannot be read) at once; then it ends.
import { workerData } from 'node:worker_threads';
import { parseOutcome, type ParseOptions } from './article.ts';
import type { ParseReply, ParseWork, ParseWorkerData } from './parse-threads.ts';
import { ArticleError } from './problem.ts';

const { next, port } = workerData as ParseWorkerData;

port.once('message', ({ options: json, jobs }: ParseWork) => {
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
});
