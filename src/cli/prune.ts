// `handbook prune`: drop stored translations nothing uses any more (deleted articles, changed text).
import { relative } from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions, type CommonFlags } from './options.ts';
import { checkLanguage, loadConfig } from '../config/config.ts';
import { EXIT, formatCount, reportProblems, reportWarnings, splitList } from './output.ts';

interface PruneFlags extends CommonFlags {
  lang?: string;
  dryRun?: boolean;
}

export function registerPrune(program: Command, setExit: (code: number) => void): void {
  withCommonOptions(
    program
      .command('prune')
      .description('delete stored translations of deleted articles and of text that no longer exists')
      .option('--lang <codes>', 'languages, comma-separated (default: every language in locales/)')
      .option('--dry-run', 'count what would be deleted (--json lists the store files); delete nothing'),
    'parse every article again (no parsed models)',
  ).action(async (flags: PruneFlags) => setExit(await runPrune(flags)));
}

async function runPrune(flags: PruneFlags): Promise<number> {
  const { readHelpCenterOnThreads } = await import('../parse/read-on-threads.ts');
  const { withStore } = await import('../store/transaction.ts');
  const { storeLanguages } = await import('../store/store.ts');
  const { prune } = await import('../store/prune.ts');
  const config = loadConfig(flags.root, { articles: flags.articles, cache: flags.cache });
  const languages = flags.lang
    ? splitList(flags.lang).map((l) => checkLanguage(l, '--lang'))
    : storeLanguages(config.locales);
  const center = await readHelpCenterOnThreads(config);
  const where = relative(process.cwd(), config.articles) || '.';
  reportProblems(center.problems, where);
  reportWarnings(center.warnings, where, flags);
  // A broken article would look deleted: prune nothing until every article reads.
  if (center.problems.length > 0) {
    process.stderr.write('error: prune needs every article readable, or their translations would look unused; fix the articles above\n');
    return EXIT.refused;
  }
  const results = withStore(config.locales, () => languages.map((language) => prune(config.locales, center, language, Boolean(flags.dryRun))));
  if (flags.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    const files = results.reduce((n, r) => n + r.files.length, 0);
    const entries = results.reduce((n, r) => n + r.entries, 0);
    const verb = flags.dryRun ? 'would delete' : 'deleted';
    process.stdout.write(`prune: ${verb} ${files} file(s) of deleted articles and ${formatCount(entries)} translations of text that no longer exists (${languages.join(', ') || 'no language'})\n`);
  }
  return EXIT.ok;
}
