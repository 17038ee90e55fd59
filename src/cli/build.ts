// `handbook build`: publish every article (md) in every language.
import { relative } from 'node:path';
import type { Command } from 'commander';
import { withCommonOptions } from './options.ts';
import { checkLanguage, loadConfig } from '../config/config.ts';
import { EXIT, formatCount, reportProblems, splitList } from './output.ts';
import { startProgress } from './progress.ts';
import { UsageError } from './usage.ts';

interface BuildFlags {
  lang?: string;
  format: string;
  category?: string;
  out?: string;
  articles?: string;
  root: string;
  cache: boolean;
  json?: boolean;
}

const FORMATS = ['md', 'html'] as const;
const PLANNED = ['pdf'];

export function registerBuild(program: Command, setExit: (code: number) => void): void {
  withCommonOptions(
    program
      .command('build')
      .description('publish every language: md (output/<lang>/markdown/<article path>) and html (output/<lang>/<category>.html)')
      .option('--lang <codes>', 'languages, comma-separated (default: targetLanguages of the configuration)')
      .option('--format <formats>', `output formats, comma-separated: ${FORMATS.join(', ')}`, 'md')
      .option('--category <slugs>', 'only these categories, comma-separated')
      .option('--out <dir>', 'output folder (default: output under the root)'),
  ).action(async (flags: BuildFlags) => setExit(await runBuild(flags)));
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const { buildHtml } = await import('../build/html.ts');
  const { buildMarkdown } = await import('../build/markdown.ts');
  const { readHelpCenter } = await import('../parse/help-center.ts');
  const formats = splitList(flags.format);
  for (const format of formats) {
    if (PLANNED.includes(format)) throw new UsageError(`--format ${format}: PDF handbooks are not built yet; use --format md,html`);
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must list ${FORMATS.join(', ')}, not "${format}"`);
  }
  const config = loadConfig(flags.root, { articles: flags.articles, cache: flags.cache, output: flags.out });
  const languages = flags.lang ? splitList(flags.lang).map((l) => checkLanguage(l, '--lang')) : [...config.targetLanguages];
  if (languages.length === 0) throw new UsageError('no language: pass --lang de,ja or set targetLanguages in handbook.config.json');
  const center = readHelpCenter(config);
  const categories = flags.category ? splitList(flags.category) : undefined;
  const unknown = categories?.filter((slug) => !center.categories.some((c) => c.slug === slug)) ?? [];
  if (unknown.length) throw new UsageError(`no category ${unknown.join(', ')} (known: ${center.categories.map((c) => c.slug).join(', ')})`);

  const progress = startProgress('Building Markdown');
  const builds = buildMarkdown(config, center, { languages, outDir: config.output, categories, onArticle: (d, t) => progress.update(d, t) });
  progress.stop();
  const html = formats.includes('html') ? await buildHtml(config, center, { languages, outDir: config.output, categories }) : [];
  reportProblems(center.problems, relative(process.cwd(), config.articles) || '.');
  const warnings = html.flatMap((b) => b.warnings.map((w) => ({ ...w, language: b.language })));
  for (const w of warnings) process.stderr.write(`warning: ${relative(process.cwd(), config.articles) || '.'}/${w.file}:${w.line}: ${w.message} (${w.language})\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify({ formats, languages: builds, html, problems: center.problems }, null, 2)}\n`);
  else {
    const parts = builds.map((b) => `${b.language} ${formatCount(b.units - b.fallbacks)}/${formatCount(b.units)} translated (${formatCount(b.fallbacks)} in source language)`);
    const handbooks = html.length ? `; ${html.reduce((n, b) => n + b.files.length - 1, 0)} HTML handbooks${warnings.length ? `, ${warnings.length} warning(s) above` : ''}` : '';
    process.stdout.write(`build ${formats.join(',')}: ${builds[0]?.articles ?? 0} articles × ${builds.length} ${builds.length === 1 ? 'language' : 'languages'} in ${relative(process.cwd(), config.output) || '.'}: ${parts.join('; ')}${handbooks}\n`);
  }
  return center.problems.length > 0 ? EXIT.refused : EXIT.ok;
}
