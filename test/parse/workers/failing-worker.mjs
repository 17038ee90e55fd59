// A parse worker that takes every article and fails on each with something other than an
// ArticleError, as a bug that shows only on a worker thread would.
import { workerData } from 'node:worker_threads';

const { next, port } = workerData;
port.once('message', ({ jobs }) => {
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) port.postMessage({ index, failed: 'not a parse' });
});
