// Test support: round-trip an XLIFF 1.2/2.0 file through the real CAT tool OmegaT (Debian's omegat 3.6, console mode).
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';

/** True when the `omegat` command is on PATH (apt-get install -y omegat). */
export const HAS_OMEGAT = (process.env.PATH ?? '').split(delimiter).some((dir) => {
  try {
    accessSync(join(dir, 'omegat'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

export interface OmegaTOptions {
  sourceLang?: string; // default: the file's source-language / srcLang, else "en"
  targetLang?: string; // default: the file's target-language / trgLang, else "de"
  timeoutMs?: number; // per OmegaT run (there are two); default 120 s
}

/** OmegaT's inline tag shortcuts as it shows them in segments: <g0>, </g0>, <x1/>, <p0>, <o2/> … */
const TAG = /(<\/?[a-zA-Z]+\d+\/?>)/;

/**
 * Translates `xliffFile` with OmegaT and returns the translated XLIFF text that OmegaT wrote.
 * `translate` gets each run of text between OmegaT's tags of each segment; tags stay in place.
 *
 * OmegaT 3.6's own XLIFF filter reads the segment text from <target>, so units without a
 * (non-empty) <target> first get one copied from <source>. Two runs: the first lists OmegaT's
 * segments (pseudo-translate TMX), the second translates from omegat/project_save.tmx.
 * XLIFF 2.0 is not known to that filter: the listing run sees <unit> renamed to <trans-unit>
 * (and no <originalData>), the translating run gets the real file and matches by source text.
 */
export async function translateWithOmegaT(xliffFile: string, translate: (sourceText: string) => string, options: OmegaTOptions = {}): Promise<string> {
  const [translated] = await translateAllWithOmegaT([xliffFile], translate, options);
  return translated!;
}

/** The same for many files in one OmegaT project: OmegaT starts twice in all, not twice a file. */
export async function translateAllWithOmegaT(
  xliffFiles: readonly string[],
  translate: (sourceText: string) => string,
  options: OmegaTOptions = {},
): Promise<string[]> {
  const xmls = xliffFiles.map((file) => readFileSync(file, 'utf8'));
  const first = xmls[0] ?? '';
  const v2 = /<xliff\b[^>]*\bversion="2\./.test(first);
  const sourceLang = options.sourceLang ?? attribute(first, v2 ? 'srcLang' : 'source-language') ?? 'en';
  const targetLang = options.targetLang ?? attribute(first, v2 ? 'trgLang' : 'target-language') ?? 'de';
  const names = xliffFiles.map((file, k) => `${k}-${basename(file)}`);
  const root = mkdtempSync(join(tmpdir(), 'omegat-'));
  if (/\s/.test(root)) throw new Error(`omegat: the temporary folder ${root} has a space, which /usr/bin/omegat cannot pass on`);
  try {
    const project = join(root, 'project');
    for (const dir of ['source', 'target', 'tm', 'glossary', 'dictionary', 'omegat']) mkdirSync(join(project, dir), { recursive: true });
    writeFileSync(join(project, 'omegat.project'), projectFile(sourceLang, targetLang));
    const prepared = xmls.map((xml) => prefillTargets(xml, v2 ? 'segment' : 'trans-unit'));
    const run = (args: string[]) =>
      runOmegaT([...args, '--quiet', `--config-dir=${join(root, 'config')}`, '--disable-project-locking', '--no-team', project], options.timeoutMs ?? 120_000);

    // 1. List the segments exactly as OmegaT shows them, tags as shortcuts.
    prepared.forEach((xml, k) => {
      const scan = v2 ? xml.replace(/<originalData>[\s\S]*?<\/originalData>/g, '').replace(/<(\/?)unit\b/g, '<$1trans-unit') : xml;
      writeFileSync(join(project, 'source', names[k]!), scan);
    });
    const listing = join(root, 'segments.tmx');
    await run(['--mode=console-createpseudotranslatetmx', `--pseudotranslatetmx=${listing}`, '--pseudotranslatetype=equal']);
    const segments = [...readFileSync(listing, 'utf8').matchAll(/<tu>\s*<tuv[^>]*>\s*<seg>([\s\S]*?)<\/seg>/g)].map((m) => unescapeXml(m[1]!));
    if (segments.length === 0) throw new Error(`omegat: found no segments in ${xliffFiles.join(', ')}`);

    // 2. Give every segment its translation and let OmegaT write target/NAME.
    const tus = segments.map((source) => {
      const target = source.split(TAG).map((part, i) => (i % 2 === 1 || part === '' ? part : translate(part))).join('');
      return `<tu><tuv xml:lang="${sourceLang}"><seg>${escapeXml(source)}</seg></tuv><tuv xml:lang="${targetLang}"><seg>${escapeXml(target)}</seg></tuv></tu>`;
    });
    writeFileSync(join(project, 'omegat', 'project_save.tmx'), tmxFile(sourceLang, tus));
    prepared.forEach((xml, k) => writeFileSync(join(project, 'source', names[k]!), xml));
    await run(['--mode=console-translate', '--tag-validation=abort']);
    return names.map((name) => {
      try {
        return readFileSync(join(project, 'target', name), 'utf8');
      } catch {
        throw new Error(`omegat: ran without error but wrote no target/${name}`);
      }
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
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

/** Gives each `container` (trans-unit in 1.2, segment in 2.0) a <target> copied from its <source> unless it has a non-empty one. */
function prefillTargets(xml: string, container: string): string {
  const block = new RegExp(`<${container}\\b[^>]*>[\\s\\S]*?</${container}>`, 'g');
  return xml.replace(block, (unit) => {
    const source = /<source(\s[^>]*)?>([\s\S]*?)<\/source>/.exec(unit);
    if (!source) return unit;
    const target = /<target(\s[^>]*?)?\s*(?:\/>|>([\s\S]*?)<\/target>)/.exec(unit);
    if (target && target[2]) return unit;
    const attrs = target ? (target[1] ?? '') : (/\sxml:space="[^"]*"/.exec(source[1] ?? '')?.[0] ?? '');
    const filled = `<target${attrs}>${source[2]}</target>`;
    // Function replacements: a `$'` or `$&` in the text must not be read as a pattern.
    return target ? unit.replace(target[0], () => filled) : unit.replace(source[0], () => source[0] + filled);
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
