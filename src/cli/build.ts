// `handbook build`: publish every language, the source one included: the localized articles (md)
// and one handbook per category in every format asked for (md, html…).
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions, type CommonFlags } from './options.ts';
import { checkLanguage, loadConfig } from '../config/config.ts';
import { formatName, HANDBOOK_FORMATS } from '../publish/formats.ts';
import type { WarningGroup } from '../publish/warnings.ts';
import type { Config } from '../config/config.ts';
import type { LanguageBuild } from '../publish/articles.ts';
import type { HandbookBuild } from '../publish/handbooks.ts';
import type { FileProblem } from '../model/types.ts';
import { EXIT, formatCount, refusedFiles, reportProblems, reportWarnings, splitList } from './output.ts';
import { startProgress } from './progress.ts';
import { UsageError } from './usage.ts';

interface BuildFlags extends CommonFlags {
  lang?: string;
  format: string;
  category?: string;
  out?: string;
}

/** `md` also writes the localized articles for the site; every format is a handbook writer. */
const FORMATS = [...new Set(['md', ...HANDBOOK_FORMATS.map((f) => f.format)])];

export function registerBuild(program: Command, setExit: (code: number) => void): void {
  withCommonOptions(
    program
      .command('build')
      .description('publish the source language and every target language: md (output/<lang>/markdown/<article path> and output/<lang>/<category>.md), html (output/<lang>/<category>.html), pdf (output/<lang>/<category>.pdf)')
      .option('--lang <codes>', 'languages, comma-separated (default: the source language and the targetLanguages of the configuration)')
      .option('--format <formats>', `output formats, comma-separated: ${FORMATS.join(', ')}`, 'md')
      .option('--category <slugs>', 'only these categories, comma-separated')
      .option('--out <dir>', 'output folder (default: output under the root)'),
    'parse every article, convert every PDF picture, shape every PDF word and remake every handbook and article again (no parsed models, converted pictures, shaped words, assembled articles or output ledger)',
  ).action(async (flags: BuildFlags) => setExit(await runBuild(flags)));
}

function printWarnings(groups: readonly WarningGroup[], where: string, languages: readonly string[]): void {
  for (const group of groups) {
    process.stderr.write(`${group.kind}: ${group.warnings.length} warning(s)\n`);
    for (const w of group.warnings) {
      const which = w.languages.length === languages.length ? '' : ` (${w.languages.join(', ')})`;
      process.stderr.write(`warning: ${where}/${w.file}:${w.line}: ${w.message}${which}\n`);
    }
  }
}

/** What a build prints, kept so a run with nothing changed can print it again at once. */
interface BuildAnswer {
  readonly builds: readonly LanguageBuild[];
  readonly handbooks: readonly Omit<HandbookBuild, 'files'>[];
  readonly groups: readonly WarningGroup[];
  readonly problems: readonly FileProblem[];
  /** Warnings of the articles read (yaml's, on front matter). */
  readonly readWarnings?: readonly FileProblem[];
}

function printBuild(answer: BuildAnswer, flags: BuildFlags, formats: readonly string[], languages: readonly string[], config: Config): number {
  const { builds, handbooks, groups, problems } = answer;
  const where = relative(process.cwd(), config.articles) || '.';
  reportProblems(problems, where);
  reportWarnings(answer.readWarnings, where, flags);
  if (!flags.quiet && !flags.json) printWarnings(groups, where, languages);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ formats, languages: builds, handbooks, warnings: groups, problems }, null, 2)}\n`);
  } else {
    const parts = builds.map((b) => (b.source ? `${b.language} source language` : `${b.language} ${formatCount(b.units - b.fallbacks)}/${formatCount(b.units)} translated (${formatCount(b.fallbacks)} in source language)`));
    // Every format is a handbook writer (formats.ts); md also writes the localized articles.
    const counts = formats.map((f) => `${handbooks.filter((b) => b.format === f).reduce((n, b) => n + b.handbooks.length, 0)} ${formatName(f)} handbooks`);
    const total = groups.reduce((n, g) => n + g.warnings.length, 0);
    const warned = total ? `; ${total} warning(s): ${groups.map((g) => `${g.warnings.length} ${g.kind}`).join(', ')}${flags.quiet ? '' : ' (above)'}` : '';
    const fresh = builds.reduce((n, b) => n + b.upToDate, 0) + handbooks.reduce((n, b) => n + b.upToDate, 0);
    const upToDate = fresh ? `; ${formatCount(fresh)} files up to date` : '';
    process.stdout.write(`build ${formats.join(',')}: ${builds[0]?.articles ?? 0} articles × ${builds.length} ${builds.length === 1 ? 'language' : 'languages'} in ${relative(process.cwd(), config.output) || '.'}: ${parts.join('; ')}${counts.length ? `; ${counts.join(', ')}` : ''}${warned}${upToDate}${refusedFiles(problems, config).map((r) => `; ${r}`).join('')}\n`);
  }
  return problems.length > 0 ? EXIT.refused : EXIT.ok;
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const formats = splitList(flags.format);
  for (const format of formats) {
    if (!FORMATS.includes(format)) throw new UsageError(`--format must list ${FORMATS.join(', ')}, not "${format}"`);
  }
  const config = loadConfig(flags.root, { articles: flags.articles, cache: flags.cache, output: flags.out });
  const languages = flags.lang ? splitList(flags.lang).map((l) => checkLanguage(l, '--lang')) : [...new Set([config.sourceLanguage, ...config.targetLanguages])];
  if (languages.length === 0) throw new UsageError('no language: pass --lang de,ja or set targetLanguages in handbook.config.json');
  const categories = flags.category ? splitList(flags.category) : undefined;
  const { buildDate } = await import('../publish/up-to-date.ts');
  const date = buildDate();
  const args = { formats, languages, categories, date: date.toISOString() };
  const { RunShortcut } = await import('../cache/shortcut.ts');
  const shortcut = new RunShortcut(config, 'build', args, [config.images]);
  const known = shortcut.answer<BuildAnswer>();
  if (known) return printBuild(known, flags, formats, languages, config);

  // A build assembles every handbook in turn against the whole model: it holds its heap near what is live.
  const { limitHeapGrowth } = await import('../util/heap.ts');
  limitHeapGrowth();
  // Loaded here, not at start-up: `handbook --help` must not pay for rehype, pdfkit and the parser.
  const { buildMarkdown } = await import('../publish/articles.ts');
  const { publishHandbooks } = await import('../publish/handbooks.ts');
  const { groupWarnings } = await import('../publish/warnings.ts');
  const { WRITERS } = await import('../publish/writers.ts');
  const { readHelpCenterOnThreads } = await import('../parse/read-on-threads.ts');
  const center = await readHelpCenterOnThreads(config);
  const unknown = categories?.filter((slug) => !center.categories.some((c) => c.slug === slug)) ?? [];
  if (unknown.length) throw new UsageError(`no category ${unknown.join(', ')} (known: ${center.categories.map((c) => c.slug).join(', ')})`);

  const ledger = shortcut.ledger;
  const articlesProgress = startProgress('Localizing articles');
  const builds = buildMarkdown(config, center, { languages, outDir: config.output, categories, write: formats.includes('md'), ledger, onArticle: (d, t) => articlesProgress.update(d, t) });
  articlesProgress.stop();
  const handbookFormats = formats.filter((f) => WRITERS.has(f));
  const handbooksProgress = startProgress(`Building ${handbookFormats.map(formatName).join(', ')} handbooks`);
  const handbooks = handbookFormats.length
    ? await publishHandbooks(config, center, { languages, formats: handbookFormats, outDir: config.output, categories, date, ledger, onHandbook: (d, t) => handbooksProgress.update(d, t) })
    : [];
  handbooksProgress.stop();
  const answer: BuildAnswer = { builds, handbooks: handbooks.map(({ files: _files, ...rest }) => rest), groups: groupWarnings(handbooks), problems: center.problems, readWarnings: center.warnings ?? [] };
  const published = center.categories.filter((c) => !categories || categories.includes(c.slug)).flatMap((c) => c.articles);
  const outputs = [
    ...(formats.includes('md') ? languages.flatMap((language) => published.map((a) => join(config.output, language, 'markdown', a.path))) : []),
    ...handbooks.flatMap((b) => b.files),
  ];
  const rerun: BuildAnswer = {
    ...answer,
    builds: builds.map((b) => ({ ...b, upToDate: formats.includes('md') ? b.articles : 0 })),
    handbooks: answer.handbooks.map((b) => ({ ...b, upToDate: b.handbooks.length })),
  };
  shortcut.remember(rerun, [...new Set(outputs)], args);
  ledger.save();
  return printBuild(answer, flags, formats, languages, config);
}
