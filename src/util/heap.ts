// How far V8 lets the heap grow between full collections. With memory to spare V8 grows the old
// generation up to 4× what survived the last full collection before collecting again, so a long
// command whose live data is a few hundred MB (the model of a large help center) peaks at several
// times that, mostly garbage: each article's trees outlive the young generation and die in the old
// one. A long command asks for a smaller factor; the flag is read at every collection, so setting
// it at run time takes effect. A factor given on the command line (`node --heap-growing-percent=…`)
// is left as it is.
import { setFlagsFromString } from 'node:v8';

/** Growth allowed over the live heap after a full collection, in percent (100: the heap may double). */
export const HEAP_GROWING_PERCENT = 100;

export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => /heap[-_]growing[-_]percent/.test(arg));
  if (!given) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
