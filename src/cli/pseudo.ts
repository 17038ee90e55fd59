// `handbook pseudo`: fill a pseudo-language so a build shows what escapes translation.
import { relative } from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions, type CommonFlags } from './options.ts';
import { checkLanguage, loadConfig } from '../config/config.ts';
import { UsageError } from './usage.ts';
import { EXIT, formatCount, refusedFiles, reportProblems, reportWarnings } from './output.ts';

interface PseudoFlags extends CommonFlags {
  lang: string;
}

export function registerPseudo(program: Command, setExit: (code: number) => void): void {
  withCommonOptions(
    program
      .command('pseudo')
      .description('fill a pseudo-language (accented, 35% longer, ⟦marked⟧) with every unit; then build --lang qps')
      .option('--lang <code>', 'the pseudo-language code', 'qps'),
    'parse every article again (no parsed models)',
  ).action(async (flags: PseudoFlags) => setExit(await runPseudo(flags)));
}

async function runPseudo(flags: PseudoFlags): Promise<number> {
  const { readHelpCenterOnThreads } = await import('../parse/read-on-threads.ts');
  const { pseudoLanguageProblem, pseudoLocalize } = await import('../pseudo/pseudo.ts');
  const { withStore } = await import('../store/transaction.ts');
  const config = loadConfig(flags.root, { articles: flags.articles, cache: flags.cache });
  const language = checkLanguage(flags.lang, '--lang');
  const problem = pseudoLanguageProblem(config, language);
  if (problem) throw new UsageError(`--lang ${problem}`);
  const center = await readHelpCenterOnThreads(config);
  const where = relative(process.cwd(), config.articles) || '.';
  reportProblems(center.problems, where);
  reportWarnings(center.warnings, where, flags);
  const result = withStore(config.locales, () => pseudoLocalize(config, center, language));
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`pseudo: ${formatCount(result.units)} units and ${result.words} handbook words pseudo-translated into ${language} in ${relative(process.cwd(), config.locales) || '.'}/${language}; run: handbook build --lang ${language}${refusedFiles(center.problems, config).map((r) => `; ${r}`).join('')}\n`);
  return center.problems.length > 0 ? EXIT.refused : EXIT.ok;
}
