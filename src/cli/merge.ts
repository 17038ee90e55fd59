// `handbook merge FILE...`: check returned XLIFF and keep the valid translations in locales/.
import { relative } from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions, type CommonFlags } from './options.ts';
import { checkLanguage, loadConfig } from '../config/config.ts';
import type { MergeProblem, MergeReport, RefusalReason } from '../merge/merge.ts';
import { startProgress } from './progress.ts';
import { EXIT, formatCount, reportProblems, reportWarnings } from './output.ts';
import { UsageError } from './usage.ts';

interface MergeFlags extends CommonFlags {
  lang?: string;
  dryRun?: boolean;
}

function describe(problem: MergeProblem): string {
  // Line 0: the problem is the file itself (missing, a folder), not a place in it.
  const where = `${relative(process.cwd(), problem.file) || problem.file}${problem.line > 0 ? `:${problem.line}` : ''}`;
  return `${problem.severity}: ${where}${problem.unit ? `: unit ${problem.unit}` : ''}: ${problem.message}`;
}

export function registerMerge(program: Command, setExit: (code: number) => void): void {
  withCommonOptions(
    program
      .command('merge')
      .description('check translated XLIFF files and keep every valid translation in locales/<lang>/')
      .argument('<files...>', 'XLIFF 1.2 or 2.0 files returned by translators')
      .option('--lang <code>', 'the target language the files must have (default: any configured one)')
      .option('--dry-run', 'check only; write nothing'),
    'parse every article and every XLIFF file again (no parsed models or XLIFF files read before)',
  ).action(async (files: string[], flags: MergeFlags) => setExit(await runMerge(files, flags)));
}

/** "3 refused (2 inline codes changed, 1 unknown unit id)", and the <file>s refused as a whole. */
function refusedText(report: MergeReport, labels: Readonly<Record<RefusalReason, string>>): string {
  const reasons = (Object.keys(labels) as RefusalReason[]).filter((r) => Object.hasOwn(report.refusedBy, r)).map((r) => `${formatCount(report.refusedBy[r]!)} ${labels[r]}`);
  const files = report.filesRefused ? [`${report.filesRefused} <file> or file(s) refused as a whole`] : [];
  const details = [...reasons, ...files];
  return `${formatCount(report.refused)} refused${details.length ? ` (${details.join('; ')}), see above` : ''}`;
}

async function runMerge(files: string[], flags: MergeFlags): Promise<number> {
  // Loaded here, not at start-up: `handbook --help` must not pay for the pipeline.
  const { mergeLocked, REFUSAL_LABELS } = await import('../merge/merge.ts');
  const { readHelpCenterOnThreads } = await import('../parse/read-on-threads.ts');
  const config = loadConfig(flags.root, { articles: flags.articles, cache: flags.cache });
  const language = flags.lang ? checkLanguage(flags.lang, '--lang') : undefined;
  if (language && flags.lang!.includes(',')) throw new UsageError('merge takes one --lang at a time');
  const center = await readHelpCenterOnThreads(config);
  const where = relative(process.cwd(), config.articles) || '.';
  reportProblems(center.problems, where);
  reportWarnings(center.warnings, where, flags);
  const progress = startProgress('Merging');
  const report = mergeLocked(config, center, { files, language, dryRun: flags.dryRun, onFile: (done, total) => progress.update(done, total) });
  progress.stop();
  // --quiet: refusals (errors) only; a unit kept as outdated is counted in the summary.
  for (const problem of report.problems) if (!flags.quiet || problem.severity === 'error') process.stderr.write(`${describe(problem)}\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const verb = flags.dryRun ? 'would store' : 'stored';
    process.stdout.write(
      `merge: ${report.files} file(s) (${report.languages.join(', ') || 'no language'}): ${verb} ${formatCount(report.stored)} translations, ` +
        (report.replaced ? `${formatCount(report.replaced)} translations ${flags.dryRun ? 'would be replaced' : 'replaced'} by a redelivery of the same extract, ` : '') +
        `${formatCount(report.unchanged)} unchanged, ${formatCount(report.outdated)} kept as outdated, ` +
        `${formatCount(report.empty + report.copies)} untranslated skipped (${formatCount(report.empty)} empty, ${formatCount(report.copies)} copies of the source), ` +
        `${refusedText(report, REFUSAL_LABELS)}${flags.dryRun ? '; dry run, nothing written' : ''}\n`,
    );
  }
  return report.refused > 0 || report.filesRefused > 0 ? EXIT.refused : EXIT.ok;
}
