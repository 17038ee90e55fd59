// A PDF worker that dies on its first job, as a worker thread killed by a native crash or out of memory would.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(7));
