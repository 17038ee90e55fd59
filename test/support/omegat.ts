// Test support: translate XLIFF 1.2 files with the real CAT tool OmegaT (Debian's omegat 3.6,
// console mode), the files given to it exactly as they are, as a translator would.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { hasCommand } from '../helpers.ts';

/** True when the `omegat` command is on PATH (apt-get install -y omegat). */
export const HAS_OMEGAT = hasCommand('omegat');
export const NO_OMEGAT = 'omegat is not installed (apt-get install -y omegat)';

export interface OmegaTOptions {
  sourceLang?: string; // default: the first file's source-language, else "en"
  targetLang?: string; // default: the first file's target-language, else "de"
  timeoutMs?: number; // per OmegaT run (there are two); default 300 s
}

export interface OmegaTRun {
  /** Segments OmegaT counts in each file (its project statistics, "Total Segments"), in the order given. */
  readonly segments: readonly number[];
  /** The files OmegaT wrote to target/, in the order given. */
  readonly translated: readonly string[];
}

/** OmegaT's inline tag shortcuts as it shows them in segments: <g0>, </g0>, <x1/> … */
const TAG = /(<\/?[a-zA-Z]+\d+\/?>)/;

/**
 * One OmegaT project (paragraph segmentation, as for a document of short units) with the files
 * copied byte for byte into source/. OmegaT starts twice in all:
 * 1. `console-createpseudotranslatetmx` lists every segment as OmegaT shows it (tags as shortcuts)
 *    and writes the project statistics (segments per file);
 * 2. `console-translate` with `translate(text)` of each run of text between tags, given as a TMX in
 *    `tm/auto/` (translations OmegaT inserts by itself), writes target/.
 */
export async function translateWithOmegaT(xliffFiles: readonly string[], translate: (text: string) => string, options: OmegaTOptions = {}): Promise<OmegaTRun> {
  const first = readFileSync(xliffFiles[0]!, 'utf8');
  const sourceLang = options.sourceLang ?? attribute(first, 'source-language') ?? 'en';
  const targetLang = options.targetLang ?? attribute(first, 'target-language') ?? 'de';
  const names = xliffFiles.map((file, k) => `${k}-${basename(file)}`);
  const root = mkdtempSync(join(tmpdir(), 'omegat-'));
  if (/\s/.test(root)) throw new Error(`omegat: the temporary folder ${root} has a space, which /usr/bin/omegat cannot pass on`);
  try {
    const project = join(root, 'project');
    for (const dir of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat']) mkdirSync(join(project, dir), { recursive: true });
    writeFileSync(join(project, 'omegat.project'), projectFile(sourceLang, targetLang));
    xliffFiles.forEach((file, k) => copyFileSync(file, join(project, 'source', names[k]!)));
    const run = (args: string[]) =>
      runOmegaT([...args, '--quiet', `--config-dir=${join(root, 'config')}`, '--disable-project-locking', '--no-team', project], options.timeoutMs ?? 300_000);

    const listing = join(root, 'segments.tmx');
    await run(['--mode=console-createpseudotranslatetmx', `--pseudotranslatetmx=${listing}`, '--pseudotranslatetype=equal']);
    const stats = readFileSync(join(project, 'omegat', 'project_stats.txt'), 'utf8');
    const segments = names.map((name) => segmentsOf(stats, name));
    const sources = [...readFileSync(listing, 'utf8').matchAll(/<tu>\s*<tuv[^>]*>\s*<seg>([\s\S]*?)<\/seg>/g)].map((m) => unescapeXml(m[1]!));

    const tus = sources.map((source) => {
      const target = source.split(TAG).map((part, i) => (i % 2 === 1 || part === '' ? part : translate(part))).join('');
      return `<tu><tuv xml:lang="${sourceLang}"><seg>${escapeXml(source)}</seg></tuv><tuv xml:lang="${targetLang}"><seg>${escapeXml(target)}</seg></tuv></tu>`;
    });
    writeFileSync(join(project, 'tm', 'auto', 'translations.tmx'), tmxFile(sourceLang, tus));
    await run(['--mode=console-translate', '--tag-validation=abort']);
    const translated = names.map((name) => {
      try {
        return readFileSync(join(project, 'target', name), 'utf8');
      } catch {
        throw new Error(`omegat: ran without error but wrote no target/${name}`);
      }
    });
    return { segments, translated };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** "Total Segments" of one file in OmegaT's project_stats.txt (0 when OmegaT did not list it). */
function segmentsOf(stats: string, name: string): number {
  const table = stats.slice(stats.indexOf('Individual File Statistics'));
  const row = table.split('\n').find((line) => line.split('\t')[0]!.trim() === name);
  return row ? Number(row.split('\t')[1]!.trim()) : 0;
}

function runOmegaT(args: string[], timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('omegat', args, { timeout, maxBuffer: 64 << 20, env: { ...process.env, DISPLAY: '' } }, (error, stdout, stderr) => {
      if (!error) return resolve();
      const log = stderr.split('\n').filter((line) => !line.includes('PLUGIN_LOAD_OK')).join('\n');
      const why = error.killed ? `timed out after ${timeout} ms` : `exit code ${error.code}`;
      reject(new Error(`omegat ${args.join(' ')}: ${why}\n--- stdout ---\n${stdout.trim()}\n--- stderr ---\n${log.trim()}`));
    });
  });
}

function projectFile(sourceLang: string, targetLang: string): string {
  const dirs = ['source_dir', 'target_dir', 'tm_dir', 'glossary_dir', 'glossary_file', 'dictionary_dir'];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
${dirs.map((d) => `    <${d}>__DEFAULT__</${d}>`).join('\n')}
    <source_lang>${sourceLang}</source_lang>
    <target_lang>${targetLang}</target_lang>
    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`;
}

function tmxFile(sourceLang: string, tus: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="handbook-tests" creationtoolversion="1" segtype="paragraph" o-tmf="OmegaT TMX" adminlang="en" srclang="${sourceLang}" datatype="plaintext"/>
  <body>
${tus.join('\n')}
  </body>
</tmx>
`;
}

function attribute(xml: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]+)"`).exec(xml)?.[1];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[\da-fA-F]+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&'
      : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}
