// A worker thread under tsx (tests, `npm run handbook`): a worker does not inherit tsx's loader, so
// this shim registers it and then loads the TypeScript worker module named by the last argument
// (see startWorker in threads.ts). The compiled build starts the .js worker modules directly.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
