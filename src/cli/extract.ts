// `handbook extract`: read the help center, write XLIFF for translators.
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions, type CommonFlags } from './options.ts';
import { checkLanguage, loadConfig, type Config } from '../config/config.ts';
import type { ExtractResult } from '../extract/extract.ts';
import { XLIFF_VERSIONS, type XliffVersion } from '../xliff/package.ts';
import { PROFILES, type Profile, type TargetMode, type WriteOptions } from '../xliff/write.ts';
import { EXIT, formatCount, refusedFiles, reportProblems, reportWarnings, splitList } from './output.ts';
import type { FileProblem } from '../model/types.ts';
import { startProgress } from './progress.ts';
import { UsageError } from './usage.ts';

interface ExtractFlags extends CommonFlags {
  lang?: string;
  xliff: string;
  out?: string;
  all?: boolean;
  target?: string;
  for?: string;
}

export function registerExtract(program: Command, setExit: (code: number) => void): void {
  withCommonOptions(
    program
      .command('extract')
      .description('write what translators must translate as XLIFF, one file per language and category')
      .option('--lang <codes>', 'target languages, comma-separated (default: targetLanguages of the configuration)')
      .option('--xliff <version>', 'XLIFF version: 1.2 (read by every CAT tool) or 2.0 (not read by OmegaT 3.6 or translate-toolkit; use it only for tools that read 2.0)', '1.2')
      .option('--for <tool>', 'the translators\' tool: "cat" (OmegaT, Okapi, Trados, memoQ, Phrase, Crowdin: targets copied from the source, codes as tags) or "po" (translate-toolkit xliff2po: no targets, codes as their text)', 'cat')
      .option('--target <mode>', 'what an untranslated unit\'s <target> holds: "copy" of the source marked needs-translation (OmegaT needs it), or "none" (default: the --for tool\'s; "none" for 2.0)')
      .option('--out <dir>', 'folder for <lang>/<category>.xlf (default: output/xliff under the root)')
      .option('--all', 'write every unit, not only those that need translating'),
    'parse every article and write every XLIFF file again (no parsed models or output ledger)',
  ).action(async (flags: ExtractFlags) => setExit(await runExtract(flags)));
}

function summaryOf(result: ExtractResult, articles: number, version: string, languages: string[], out: string, folders: Config): string {
  const filled = Object.values(result.memoryFilled).reduce((a, b) => a + b, 0);
  const extras = [
    ...(filled ? [`${formatCount(filled)} units filled from translation memory (to review)`] : []),
    ...(result.removed.length ? [`${result.removed.length} file(s) with nothing left to translate removed`] : []),
    ...refusedFiles(result.problems, folders),
    ...(result.unmerged.length ? [`${result.unmerged.length} file(s) with translations not merged left as they were, see above`] : []),
  ];
  if (result.upToDate) extras.push(`${result.upToDate} up to date`);
  const tail = extras.length ? `; ${extras.join('; ')}` : '';
  const changed = result.files.filter((f) => f.changed).length;
  if (result.files.length === 0) return `extract: ${formatCount(articles)} articles, nothing to translate in ${languages.join(', ')}${tail}`;
  if (changed === 0) return `extract: nothing new; ${result.files.length} XLIFF file(s) in ${out} unchanged (${formatCount(result.units)} units, ${formatCount(result.words)} words still to translate)${tail}`;
  const unchanged = result.files.length - changed;
  return (
    `extract: ${formatCount(articles)} articles → ${changed} XLIFF ${version} files (${languages.join(', ')})${unchanged ? ` and ${unchanged} unchanged` : ''}, ` +
    `${formatCount(result.units)} units, ${formatCount(result.words)} words in ${out}${tail}`
  );
}

function writeOptions(flags: ExtractFlags): WriteOptions {
  const tool = flags.for ?? 'cat';
  if (!Object.hasOwn(PROFILES, tool)) throw new UsageError(`--for must be ${Object.keys(PROFILES).join(' or ')}, not "${tool}"`);
  if (flags.target !== undefined && flags.target !== 'copy' && flags.target !== 'none') throw new UsageError(`--target must be copy or none, not "${flags.target}"`);
  if (tool === 'po' && flags.xliff === '2.0') throw new UsageError('--for po writes XLIFF 1.2 for translate-toolkit, which does not read XLIFF 2.0: leave out --xliff 2.0');
  const profile = PROFILES[tool as Profile];
  const target = (flags.target as TargetMode | undefined) ?? (flags.xliff === '2.0' ? 'none' : profile.target);
  return { target, codes: profile.codes };
}

/** What an extract prints, kept so a run with nothing changed can print it again at once. */
interface ExtractAnswer {
  readonly result: ExtractResult;
  readonly articles: number;
  /** Warnings of the articles read (yaml's, on front matter). */
  readonly warnings?: readonly FileProblem[];
}

function printExtract({ result, articles, warnings }: ExtractAnswer, flags: ExtractFlags, languages: string[], outDir: string, config: Config): number {
  const where = relative(process.cwd(), config.articles) || '.';
  reportProblems(result.problems, where);
  for (const { path, translations } of result.unmerged) {
    const file = relative(process.cwd(), path) || path;
    process.stderr.write(`error: ${file}: holds ${formatCount(translations)} translation(s) the store does not have (a returned file put in the extract folder?): merge it (handbook merge ${file}) or move it away, then extract again; it was left as it was\n`);
  }
  reportWarnings(warnings, where, flags);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ...result, version: flags.xliff, languages }, null, 2)}\n`);
  } else {
    process.stdout.write(`${summaryOf(result, articles, flags.xliff, languages, relative(process.cwd(), outDir) || '.', config)}\n`);
  }
  return result.problems.length > 0 || result.unmerged.length > 0 ? EXIT.refused : EXIT.ok;
}

/** The same result as a second run with nothing changed gives: every file unchanged, nothing filled or removed. */
function asRerun(result: ExtractResult, languages: readonly string[], categories: number): ExtractResult {
  return { ...result, files: result.files.map((f) => ({ ...f, changed: false })), memoryFilled: Object.fromEntries(languages.map((l) => [l, 0])), removed: [], upToDate: languages.length * categories };
}

async function runExtract(flags: ExtractFlags): Promise<number> {
  if (!XLIFF_VERSIONS.includes(flags.xliff as XliffVersion)) throw new UsageError(`--xliff must be 1.2 or 2.0, not "${flags.xliff}"`);
  const write = writeOptions(flags);
  const config = loadConfig(flags.root, { articles: flags.articles, cache: flags.cache });
  const languages = flags.lang ? splitList(flags.lang).map((l) => checkLanguage(l, '--lang')) : [...config.targetLanguages];
  if (languages.length === 0) throw new UsageError('no target language: pass --lang de,ja or set targetLanguages in handbook.config.json');
  const outDir = resolve(flags.out ?? `${config.output}/xliff`);
  const args = { languages, version: flags.xliff, outDir, all: Boolean(flags.all), write };
  const { RunShortcut } = await import('../cache/shortcut.ts');
  const shortcut = new RunShortcut(config, 'extract', args);
  const known = shortcut.answer<ExtractAnswer>();
  if (known) return printExtract(known, flags, languages, outDir, config);

  const { extract } = await import('../extract/extract.ts');
  const { readHelpCenterOnThreads } = await import('../parse/read-on-threads.ts');
  const { withStore } = await import('../store/transaction.ts');

  const reading = startProgress('Reading articles');
  const center = await readHelpCenterOnThreads(config, { progress: (done, total) => reading.update(done, total) });
  reading.stop();
  const writing = startProgress('Writing XLIFF');
  // Extract writes memory fills into the store: one writer at a time, as for merge.
  const result = withStore(config.locales, () => extract(config, center, {
    languages,
    version: flags.xliff as XliffVersion,
    outDir,
    all: Boolean(flags.all),
    write,
    onFile: (done, total) => writing.update(done, total),
    ledger: shortcut.ledger,
  }));
  writing.stop();
  const articles = center.categories.reduce((n, c) => n + c.articles.length, 0);
  const warnings = center.warnings ?? [];
  // A run that kept a delivery must look again next time: the file may have been merged or moved.
  if (result.unmerged.length === 0) shortcut.remember({ result: asRerun(result, languages, center.categories.length), articles, warnings } satisfies ExtractAnswer, result.files.map((f) => f.path), args);
  shortcut.ledger.save();
  return printExtract({ result, articles, warnings }, flags, languages, outDir, config);
}
