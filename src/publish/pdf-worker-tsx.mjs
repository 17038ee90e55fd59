// The PDF worker under tsx (tests, `npm run handbook`): a worker thread does not inherit tsx's
// loader, so this shim registers it and then loads the TypeScript worker. The compiled build
// starts dist/publish/pdf-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./pdf-worker.ts', import.meta.url).href);
