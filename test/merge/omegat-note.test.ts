// Does the translator see our code listing in OmegaT 3.6? Each <trans-unit> carries
// <note from="handbook-codes"> listing what each inline code stands for, numbered as OmegaT numbers
// tags (<x0/>, <g1>…</g1>). This runs OmegaT's own XLIFF filter (the one it uses for *.xlf, through
// test/support/OmegatComments.java) over extract's files exactly as written, and checks what it hands
// the project for each segment: the comment (what OmegaT's Comments pane shows) and the source with
// OmegaT's tag shortcuts. OmegaT also hides codes at the edges of a unit (a unit wrapped in one code,
// a trailing placeholder): they stay listed in the comment though the segment shows no such tag.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/extract.ts';
import { hasCommand, PROJECT, temporaryDir } from '../helpers.ts';
import { workspace } from '../support/roundtrip.ts';

const OMEGAT_JAR = process.env.OMEGAT_JAR ?? '/usr/share/omegat/OmegaT.jar';
const missing = [
  ...(hasCommand('omegat') && existsSync(OMEGAT_JAR) ? [] : [`omegat (${OMEGAT_JAR}; apt-get install -y omegat)`]),
  ...['java', 'javac'].filter((c) => !hasCommand(c)),
];
const omegatTest = missing.length === 0 ? test : test.skip;
const CODES = 'Codes (keep them, do not translate them): ';

interface OmegaTTag {
  readonly shortcut: string; // as OmegaT shows it: <x0/>, <g1>, </g1>
  readonly original: string; // the markup it stands for in the file: <x id="1" …/>
}

interface OmegaTSegment {
  readonly file: string;
  readonly source: string; // as OmegaT shows it: tags as shortcuts
  readonly tags: readonly OmegaTTag[]; // in source order
  readonly comment: string | null;
}

/** Tag shortcuts in a text: <x0/>, <g1>, </g1> … */
const shortcuts = (text: string) => [...text.matchAll(/<\/?[a-z]+\d+\/?>/g)].map((m) => m[0]);

/** Compiles the probe into a temporary folder and runs it over the files: one segment a line. */
function omegatSegments(files: readonly string[], sourceLang: string, targetLang: string): OmegaTSegment[] {
  const classes = temporaryDir('omegat-probe-');
  execFileSync('javac', ['-nowarn', '-cp', OMEGAT_JAR, '-d', classes, join(PROJECT, 'test/support/OmegatComments.java')]);
  const out = execFileSync('java', ['-Djava.awt.headless=true', '-cp', `${OMEGAT_JAR}:${classes}`, 'OmegatComments', sourceLang, targetLang, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as OmegaTSegment);
}

omegatTest(`OmegaT 3.6 shows the handbook-codes note as the segment comment, numbered as its own tags${missing.length ? ` (skipped: missing ${missing.join(', ')})` : ''}`, (t) => {
  t.timeout(60_000);
  const ws = workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories'));
  const extracted = extract(ws.config, ws.center, { languages: ['de'], version: '1.2', outDir: temporaryDir('handbook-xliff-'), all: false });
  const files = extracted.files.map((f) => f.path);
  t.true(files.length > 1);
  const segments = omegatSegments(files, ws.config.sourceLanguage, 'de');

  t.deepEqual(
    files.map((file) => segments.filter((s) => s.file === file).length),
    extracted.files.map((f) => f.units),
    'OmegaT makes one segment of each unit',
  );
  const noted = files.map((file) => (readFileSync(file, 'utf8').match(/<note from="handbook-codes">/g) ?? []).length);
  t.deepEqual(
    files.map((file) => segments.filter((s) => s.file === file && s.comment?.includes(`\n${CODES}`)).length),
    noted,
    'every unit with a handbook-codes note gets it in its segment comment',
  );
  t.true(noted.reduce((a, b) => a + b, 0) > 10, 'the sample has units with codes');

  // extract numbers codes from 0 as OmegaT does, in id order (<x id="1"/> is listed as <x0/>); a code
  // OmegaT keeps must have that number in its shortcut and be in the listing.
  const wrong = segments.flatMap((s) => {
    const listing = (s.comment ?? '').split('\n').find((line) => line.startsWith(CODES));
    if (s.tags.length === 0) return [];
    if (listing === undefined) return [{ source: s.source, problem: 'no code listing in the comment', comment: s.comment }];
    const listed = new Set(shortcuts(listing));
    const off = s.tags.filter((tag) => {
      const id = /\bid="(\d+)"/.exec(tag.original);
      const number = /\d+/.exec(tag.shortcut)![0];
      return !listed.has(tag.shortcut) || (id !== null && Number(number) !== Number(id[1]) - 1);
    });
    return off.length === 0 ? [] : [{ source: s.source, problem: 'OmegaT numbers these tags otherwise than the listing', off, comment: s.comment }];
  });
  t.deepEqual(wrong, [], 'every segment with tags gets the <x0/> = … listing in its comment, numbered as OmegaT numbers its tags');
  const hidden = segments.filter((s) => s.tags.length === 0 && s.comment?.includes(`\n${CODES}`)).length;
  const example = segments.find((s) => s.tags.length > 1)!;
  t.log(`${segments.length} segments, ${noted.reduce((a, b) => a + b, 0)} with codes (${hidden} of them with every code at an edge, where OmegaT shows no tag); e.g. ${example.source}\n  comment: ${example.comment}`);
});
