// Files through translate-toolkit, the other translators' route here: podebug on the XLIFF as
// extract writes it, and XLIFF → PO (xliff2po) → PO translated (podebug) → XLIFF (po2xliff with the
// original as template, or pomerge) → merge. The tools get the files exactly as extract writes them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { extract } from '../../src/extract/extract.ts';
import { merge, type MergeReport } from '../../src/merge/merge.ts';
import { PROFILES } from '../../src/xliff/write.ts';
import { CORPUS, hasCommand, PROJECT, SHARED_NEED, temporaryDir, testIf, type Need } from '../helpers.ts';
import { workspace, type Workspace } from '../support/roundtrip.ts';

const TOOLS = ['xliff2po', 'po2xliff', 'podebug', 'pomerge'];
const TOOLKIT_NEED: Need = { met: TOOLS.every(hasCommand), reason: 'translate-toolkit is not installed (apt-get install -y translate-toolkit)' };

/** The same articles with a new, empty store. */
function fresh(ws: Workspace): Workspace {
  const root = temporaryDir();
  const raw = JSON.parse(readFileSync(join(ws.root, 'handbook.config.json'), 'utf8'));
  writeFileSync(join(root, 'handbook.config.json'), JSON.stringify(raw));
  return { root, config: loadConfig(root), center: ws.center };
}

const tool = (name: string, ...args: string[]) => execFileSync(name, ['--progress=none', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const filesIn = (dir: string) => readdirSync(dir).sort().map((name) => join(dir, name));

function mergedAll(t: import('ava').ExecutionContext, report: MergeReport, units: number, route: string) {
  t.deepEqual(report.problems.filter((p) => p.severity === 'error').slice(0, 5), [], route);
  t.like(report, { stored: units, refused: 0, filesRefused: 0, copies: 0, empty: 0 }, route);
}

function throughToolkit(t: import('ava').ExecutionContext, ws: Workspace) {
  // 1. podebug straight on the XLIFF extract writes for CAT tools (targets copied from the source).
  const cat = temporaryDir('handbook-xliff-');
  const extracted = extract(fresh(ws).config, ws.center, { languages: ['de'], version: '1.2', outDir: cat, all: false });
  const debugged = temporaryDir('handbook-podebug-');
  tool('podebug', '--rewrite=unicode', '-i', join(cat, 'de'), '-o', debugged);
  const ws1 = fresh(ws);
  mergedAll(t, merge(ws1.config, ws1.center, { files: filesIn(debugged) }), extracted.units, 'podebug on XLIFF');

  // 2. The PO route, with the files extract writes for it (--for po).
  const po = temporaryDir('handbook-xliff-po-');
  const forPo = extract(fresh(ws).config, ws.center, { languages: ['de'], version: '1.2', outDir: po, all: false, write: PROFILES.po });
  t.is(forPo.units, extracted.units);
  const pos = temporaryDir('handbook-po-');
  tool('xliff2po', '-i', join(po, 'de'), '-o', pos);
  const entries = filesIn(pos).map((file) => readFileSync(file, 'utf8'));
  const locations = entries.flatMap((text) => [...text.matchAll(/^#: (.+)$/gm)].flatMap((m) => m[1]!.split(' ')));
  t.is(locations.length, forPo.units, 'every unit is a PO entry (or a location of one)');
  t.deepEqual(locations.filter((l) => /%[0-9A-F]{2}/.test(l)), [], 'ids reach PO unchanged, nothing percent-encoded');
  const codes = entries.join('').match(/`[^`\n]+`|\*\*|\[link\]/g) ?? [];
  t.true(codes.length > 0, 'codes reach the PO editor as their text');
  const notes = entries.flatMap((text) => [...text.matchAll(/^#\. (.+)$/gm)].map((m) => m[1]!));
  t.is(notes.filter((note) => /, line \d+: .+ \(\d+ words?\)$/.test(note)).length, forPo.units, 'every PO entry says where its text stands (file, line, element) as a comment the editor shows');
  const translatedPos = temporaryDir('handbook-po-translated-');
  tool('podebug', '--rewrite=xxx', '-i', pos, '-o', translatedPos);

  const back = temporaryDir('handbook-po2xliff-');
  tool('po2xliff', '-t', join(po, 'de'), '-i', translatedPos, '-o', back);
  const ws2 = fresh(ws);
  mergedAll(t, merge(ws2.config, ws2.center, { files: filesIn(back) }), forPo.units, 'xliff2po → podebug → po2xliff -t');

  const merged = temporaryDir('handbook-pomerge-');
  tool('pomerge', '-t', join(po, 'de'), '-i', translatedPos, '-o', merged);
  const ws3 = fresh(ws);
  // pomerge finds a template unit by its text, so of the units with the same text (xliff2po gives
  // them a msgctxt) it fills only the first: the others come back empty and are skipped as such.
  const repeats = entries.reduce((n, text) => {
    const texts = text.split('\n\n').filter((e) => e.includes('\nmsgctxt ')).map((e) => e.slice(e.indexOf('\nmsgid '), e.indexOf('\nmsgstr ')));
    return n + texts.length - new Set(texts).size;
  }, 0);
  const pomerged = merge(ws3.config, ws3.center, { files: filesIn(merged) });
  t.like(pomerged, { stored: forPo.units - repeats, empty: repeats, refused: 0, filesRefused: 0, copies: 0 }, 'xliff2po → podebug → pomerge -t');
  // The po2xliff delivery of the same work: the repeats pomerge left out, the rest unchanged.
  t.like(merge(ws3.config, ws3.center, { files: filesIn(back) }), { stored: repeats, unchanged: forPo.units - repeats, refused: 0 });
  t.log(`${extracted.files.length} files, ${extracted.units} units: podebug and po2xliff deliveries all stored, pomerge all but ${repeats} repeats, 0 refused`);
}

testIf(TOOLKIT_NEED)('sample: podebug, xliff2po → po2xliff and pomerge deliveries merge every unit', (t) => {
  throughToolkit(t, workspace(join(PROJECT, 'articles/_articles'), join(PROJECT, 'articles/_categories')));
});

testIf(SHARED_NEED, TOOLKIT_NEED)('corpus: podebug, xliff2po → po2xliff and pomerge deliveries merge every unit', (t) => {
  t.timeout(10 * 60_000, 'translate-toolkit runs over every category file several times');
  throughToolkit(t, workspace(join(CORPUS, '_articles'), join(CORPUS, '_categories')));
});
