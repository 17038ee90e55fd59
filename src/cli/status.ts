// `handbook status`: a table per language × category of what is translated, for people, scripts and CI.
import { relative } from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions, type CommonFlags } from './options.ts';
import { checkLanguage, loadConfig } from '../config/config.ts';
import type { LanguageStatus, StatusCell } from '../status/report.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { EXIT, formatCount, reportProblems, reportWarnings, splitList } from './output.ts';
import { UsageError } from './usage.ts';

interface StatusFlags extends CommonFlags {
  lang?: string;
  html?: string;
  failUnder?: string;
}

export function registerStatus(program: Command, setExit: (code: number) => void): void {
  withCommonOptions(
    program
      .command('status')
      .description('show, per language and category, how much is translated, reviewed, outdated and untranslated')
      .option('--lang <codes>', 'languages, comma-separated (default: targetLanguages of the configuration)')
      .option('--html <file>', 'also write the report as an HTML page with a bar per language and a heat map')
      .option('--fail-under <percent>', 'exit 1 when a language has fewer translated words than this percentage'),
    'parse every article again (no parsed models)',
  ).action(async (flags: StatusFlags) => setExit(await runStatus(flags)));
}

const COLUMNS = ['units', 'words', 'translated', 'reviewed', 'outdated', 'untranslated', '%'] as const;

function row(name: string, cell: StatusCell, width: number): string {
  const values = [cell.total.units, cell.total.words, cell.translated.words, cell.reviewed.words, cell.outdated.words, cell.untranslated.words].map(formatCount);
  return `  ${name.padEnd(width)}${values.map((v, k) => v.padStart(COLUMNS[k]!.length + 3)).join('')}${cell.percent.toFixed(1).padStart(8)}`;
}

function table(status: LanguageStatus): string {
  const width = Math.max(8, ...status.categories.map((c) => c.category.length)) + 2;
  return [
    `${status.language}: ${status.percent.toFixed(1)}% of ${formatCount(status.total.words)} words translated (${formatCount(status.reviewed.words)} reviewed, ${formatCount(status.outdated.words)} outdated, ${formatCount(status.untranslated.words)} untranslated)`,
    `  ${'category'.padEnd(width)}${COLUMNS.slice(0, -1).map((c) => c.padStart(c.length + 3)).join('')}${'%'.padStart(8)}   (words, except units)`,
    ...status.categories.map((c) => row(c.category, c, width)),
    row('total', status, width),
  ].join('\n');
}

async function runStatus(flags: StatusFlags): Promise<number> {
  const { readHelpCenterOnThreads } = await import('../parse/read-on-threads.ts');
  const { renderStatusHtml } = await import('../status/html.ts');
  const { statusOf } = await import('../status/status.ts');
  const failUnder = flags.failUnder === undefined ? undefined : Number(flags.failUnder);
  if (failUnder !== undefined && (!Number.isFinite(failUnder) || failUnder < 0 || failUnder > 100)) throw new UsageError(`--fail-under must be a percentage from 0 to 100, not "${flags.failUnder}"`);
  const config = loadConfig(flags.root, { articles: flags.articles, cache: flags.cache });
  const languages = flags.lang ? splitList(flags.lang).map((l) => checkLanguage(l, '--lang')) : [...config.targetLanguages];
  if (languages.length === 0) throw new UsageError('no language: pass --lang de,ja or set targetLanguages in handbook.config.json');
  const center = await readHelpCenterOnThreads(config);
  const where = relative(process.cwd(), config.articles) || '.';
  reportProblems(center.problems, where);
  reportWarnings(center.warnings, where, flags);
  const report = statusOf(config, center, languages);
  if (flags.html) writeFileAtomic(flags.html, renderStatusHtml(report));
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${report.languages.map(table).join('\n\n')}\n`);
  const below = failUnder === undefined ? [] : report.languages.filter((l) => l.percent < failUnder);
  for (const language of below) process.stderr.write(`error: ${language.language} is ${language.percent.toFixed(1)}% translated, under --fail-under ${failUnder}%\n`);
  return below.length > 0 || center.problems.length > 0 ? EXIT.refused : EXIT.ok;
}
