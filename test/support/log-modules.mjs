// `node --import ./test/support/log-modules.mjs …`: prints "loaded <url>" on stderr for every module the
// process resolves, so a test can see what a command loads at start-up.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  process.stderr.write('loaded ' + resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
