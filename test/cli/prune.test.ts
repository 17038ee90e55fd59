// `handbook prune --dry-run`: what its help says it shows is what it shows.
import test from 'ava';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT } from '../helpers.ts';
import { run, sampleRoot } from '../support/cli.ts';

test('prune --dry-run counts what would go, --json lists the store files, and nothing is deleted; --help says so', (t) => {
  const help = run(['prune', '--help']).stdout.replace(/\s+/g, ' ');
  t.true(help.includes('--dry-run count what would be deleted (--json lists the store files); delete nothing'), help);
  const root = sampleRoot();
  cpSync(join(PROJECT, 'locales'), join(root, 'locales'), { recursive: true });
  const stored = join(root, 'locales/de/articles/getting-started/install-handbook.json');
  t.true(existsSync(stored));
  rmSync(join(root, 'articles/_articles/getting-started/install-handbook.md'));
  const counted = run(['prune', '--root', root, '--lang', 'de', '--dry-run']);
  t.is(counted.code, 0, counted.stderr);
  t.regex(counted.stdout, /^prune: would delete 1 file\(s\) of deleted articles/);
  const listed = run(['prune', '--root', root, '--lang', 'de', '--dry-run', '--json']);
  t.deepEqual(JSON.parse(listed.stdout)[0].files, [stored]);
  t.true(existsSync(stored));
});
