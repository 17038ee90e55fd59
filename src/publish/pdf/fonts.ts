// Fonts of the PDF writer: TTF/OTF files shipped by npm packages, read once per process, registered
// once per document (pdfkit subsets what is drawn), and a fallback list per character: the first
// face of the style that has a glyph for it. A character no face can draw is an error, never a box.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type {} from 'pdfkit';
import { ICON_FONT, ICON_PACKAGE } from '../../handbook/icons.ts';
import { openShapingFile, saveShapingFile, shapingKey, type ShapingVersions } from './shaping-file.ts';
import { shapingOf, shareShaping } from './shaping.ts';

const require = createRequire(import.meta.url);

/** The styles a run of text can ask for. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono' | 'monoBold' | 'icon';

type Script = 'latin' | 'arabic' | 'hebrew' | 'japanese' | 'korean' | 'chinese' | 'chineseTraditional' | 'icon';

interface FaceFile {
  readonly script: Script;
  readonly pkg: string;
  readonly file: string;
}

function face(script: Script, pkg: string, file: string): FaceFile {
  return { script, pkg, file };
}

const LATIN = 'dejavu-fonts-ttf';
const FACES: Record<Exclude<FontStyle, 'icon'>, readonly FaceFile[]> = {
  regular: [
    face('latin', LATIN, 'ttf/DejaVuSans.ttf'),
    face('arabic', '@embedpdf/fonts-arabic', 'fonts/NotoNaskhArabic-Regular.ttf'),
    face('hebrew', '@embedpdf/fonts-hebrew', 'fonts/NotoSansHebrew-Regular.ttf'),
    face('japanese', '@embedpdf/fonts-jp', 'fonts/NotoSansJP-Regular.otf'),
    face('korean', '@embedpdf/fonts-kr', 'fonts/NotoSansKR-Regular.otf'),
    face('chinese', '@embedpdf/fonts-sc', 'fonts/NotoSansHans-Regular.otf'),
    face('chineseTraditional', '@embedpdf/fonts-tc', 'fonts/NotoSansHant-Regular.otf'),
  ],
  bold: [
    face('latin', LATIN, 'ttf/DejaVuSans-Bold.ttf'),
    face('arabic', '@embedpdf/fonts-arabic', 'fonts/NotoNaskhArabic-Bold.ttf'),
    face('hebrew', '@embedpdf/fonts-hebrew', 'fonts/NotoSansHebrew-Bold.ttf'),
    face('japanese', '@embedpdf/fonts-jp', 'fonts/NotoSansJP-Bold.otf'),
    face('korean', '@embedpdf/fonts-kr', 'fonts/NotoSansKR-Bold.otf'),
    face('chinese', '@embedpdf/fonts-sc', 'fonts/NotoSansHans-Bold.otf'),
    face('chineseTraditional', '@embedpdf/fonts-tc', 'fonts/NotoSansHant-Bold.otf'),
  ],
  italic: [face('latin', LATIN, 'ttf/DejaVuSans-Oblique.ttf')],
  boldItalic: [face('latin', LATIN, 'ttf/DejaVuSans-BoldOblique.ttf')],
  mono: [face('latin', LATIN, 'ttf/DejaVuSansMono.ttf')],
  monoBold: [face('latin', LATIN, 'ttf/DejaVuSansMono-Bold.ttf')],
};
const ICON_FACE = face('icon', '', ICON_FONT);

/** Styles whose own faces are followed by the regular (or bold) ones of other scripts. */
const FALLS_BACK_TO: Record<FontStyle, FontStyle | undefined> = {
  regular: undefined,
  bold: undefined,
  italic: 'regular',
  boldItalic: 'bold',
  mono: 'regular',
  monoBold: 'bold',
  icon: undefined,
};

/** The folder of an installed package (some font packages export no `package.json`). */
export function packageDir(pkg: string): string {
  for (const p of require.resolve.paths(pkg) ?? []) {
    if (existsSync(join(p, pkg, 'package.json'))) return join(p, pkg);
  }
  throw new Error(`the font package ${pkg} is not installed: run npm install`);
}

function pathOf(f: FaceFile): string {
  return f.pkg ? join(packageDir(f.pkg), f.file) : f.file;
}

/** A face as loaded once per process: its bytes and fontkit's view of it for coverage checks. */
interface LoadedFace {
  readonly name: string;
  readonly path: string;
  readonly bytes: Buffer;
  readonly font: fontkit.Font;
}

/** The name a face is registered under: its file's name without the extension. */
const nameOf = (path: string): string => path.replace(/^.*\//, '').replace(/\.[ot]tf$/, '');

const loaded = new Map<string, LoadedFace>();

const paths = new Map<FaceFile, string>();

function load(f: FaceFile): LoadedFace {
  let path = paths.get(f);
  if (path === undefined) paths.set(f, (path = pathOf(f)));
  let l = loaded.get(path);
  if (!l) {
    const bytes = readFileSync(path);
    l = { name: nameOf(path), path, bytes, font: fontkit.create(bytes) };
    loaded.set(path, l);
  }
  return l;
}

let named: Map<string, FaceFile> | undefined;

/** The face file registered under `name`. */
function faceFileNamed(name: string): FaceFile | undefined {
  if (!named) {
    named = new Map();
    for (const f of [...Object.values(FACES).flat(), ICON_FACE]) named.set(nameOf(pathOf(f)), f);
  }
  return named.get(name);
}

/** The version an installed package's package.json gives. */
const versionOf = (pkg: string): string => String((JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')) as { version?: unknown }).version);

/** The versions of the code that shapes words (of those `fontPackageVersions` reads): part of each shaping cache file's key. */
function shapingVersions(): ShapingVersions {
  const installed = fontPackageVersions();
  return { fontkit: installed.get('fontkit')!, pdfkit: installed.get('pdfkit')! };
}

let drawingVersions: ReadonlyMap<string, string> | undefined;

/**
 * The version of each package the PDF's text comes from, by package name: pdfkit and fontkit, which
 * shape, measure and encode words, and every font package (the faces' glyphs and metrics).
 */
export function fontPackageVersions(): ReadonlyMap<string, string> {
  if (!drawingVersions) {
    const packages = new Set(['fontkit', 'pdfkit', ...Object.values(FACES).flatMap((faces) => faces.map((f) => f.pkg)), ICON_PACKAGE]);
    drawingVersions = new Map([...packages].map((pkg) => [pkg, versionOf(pkg)]));
  }
  return drawingVersions;
}

/** Code points that draw nothing and need no glyph. */
export function isInvisible(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    cp === 0xad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff
  );
}

function scriptOf(cp: number): Script | undefined {
  if ((cp >= 0x0600 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return 'arabic';
  if ((cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f)) return 'hebrew';
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff)) return 'japanese';
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af)) return 'korean';
  return undefined;
}

/** Whether a language is written in traditional Chinese characters (zh-Hant, and zh-TW, zh-HK, zh-MO through their likely script). */
function isTraditionalChinese(language: string): boolean {
  try {
    const locale = new Intl.Locale(language).maximize();
    return locale.language === 'zh' && locale.script === 'Hant';
  } catch {
    return false;
  }
}

/**
 * The CJK faces in the order tried for Han characters and CJK punctuation, by the document's
 * language: the same character takes the forms its readers expect (Japanese, simplified or
 * traditional Chinese, Korean), and a character one face lacks is taken from the next.
 */
function cjkOrder(language: string): Script[] {
  const l = language.toLowerCase();
  if (l.startsWith('ko')) return ['korean', 'japanese', 'chinese', 'chineseTraditional'];
  if (isTraditionalChinese(language)) return ['chineseTraditional', 'chinese', 'japanese', 'korean'];
  if (l.startsWith('zh')) return ['chinese', 'chineseTraditional', 'japanese', 'korean'];
  return ['japanese', 'chinese', 'chineseTraditional', 'korean'];
}

export interface Face {
  /** The name the face is registered under in the document. */
  readonly name: string;
  readonly path: string;
}

/**
 * The fonts of one document: resolves each character to the face that draws it (memoized),
 * registers a face with pdfkit the first time it is used. `shapingCache` is the folder shaped words
 * are kept in between runs (none: shaped again each run).
 */
export class FontBook {
  private readonly registered = new Set<string>();
  private readonly memo = new Map<FontStyle, Map<number, LoadedFace>>();
  private readonly order: Script[];
  /** The shaping cache files of the faces used. */
  private readonly shapingFiles: string[] = [];
  /** Told of every face asked for (an article's display list logs the faces it needs). */
  onUse: ((name: string) => void) | undefined;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    language: string,
    private readonly shapingCache?: string,
  ) {
    this.order = ['latin', 'arabic', 'hebrew', ...cjkOrder(language)];
  }

  private faces(style: FontStyle, script: Script | undefined): FaceFile[] {
    if (style === 'icon') return [ICON_FACE];
    const own = FACES[style];
    const back = FALLS_BACK_TO[style];
    const all = back ? [...own, ...FACES[back as Exclude<FontStyle, 'icon'>]] : [...own];
    const rank = (f: FaceFile): number => (f.script === script ? -1 : this.order.indexOf(f.script));
    // Own faces first, then the preferred script, then the language's order.
    return all
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (a.i < own.length ? 0 : 1) - (b.i < own.length ? 0 : 1) || rank(a.f) - rank(b.f) || a.i - b.i)
      .map((x) => x.f);
  }

  /** The face that draws `cp` in `style`, or undefined when none can. */
  faceFor(cp: number, style: FontStyle): Face | undefined {
    let m = this.memo.get(style);
    if (!m) this.memo.set(style, (m = new Map()));
    const hit = m.get(cp);
    if (hit) return this.use(hit);
    const script = scriptOf(cp) ?? (cp >= 0x2e80 && cp <= 0xffef && cp !== 0xfffd ? this.order[3] : undefined);
    for (const f of this.faces(style, script)) {
      const l = load(f);
      if (l.font.hasGlyphForCodePoint(cp)) {
        m.set(cp, l);
        return this.use(l);
      }
    }
    return undefined;
  }

  /** Whether a face file is registered under `name` when used (a face file's name, as `Face.name`). */
  knows(name: string): boolean {
    return faceFileNamed(name) !== undefined;
  }

  /** Whether the face named `name` is registered with the document already. */
  has(name: string): boolean {
    return this.registered.has(name);
  }

  /** Registers the face named `name` (a face file's name, as `Face.name`) unless it is already. */
  useNamed(name: string): Face {
    const f = faceFileNamed(name);
    if (!f) throw new Error(`PDF: no face named ${name}`);
    return this.use(load(f));
  }

  private use(l: LoadedFace): Face {
    this.onUse?.(l.name);
    if (!this.registered.has(l.name)) {
      // pdfkit takes the fontkit font itself: its tables are parsed once per process, not per document.
      this.doc.registerFont(l.name, l.font as unknown as Buffer);
      const shaping = shapingOf(l.font);
      if (this.shapingCache !== undefined) this.shapingFiles.push(openShapingFile(this.shapingCache, l.name, l.font, shaping, () => shapingKey(l.bytes, shapingVersions())));
      shareShaping(this.doc, l.name, shaping);
      this.registered.add(l.name);
    }
    return l;
  }

  /** After the document: the shaping cache files of its faces written again where it shaped new words. */
  saveShaping(): void {
    for (const file of this.shapingFiles) saveShapingFile(file);
  }

  /**
   * Before the document ends: a ligature of right-to-left letters (Arabic lam-alef) is drawn in
   * visual order and text extractors reverse right-to-left words character by character, so its
   * ToUnicode entry is given right to left too, and the letters read back in their logical order.
   */
  ligaturesInReadingOrder(): void {
    const families = (this.doc as unknown as { _fontFamilies: Record<string, { unicode?: number[][] }> })._fontFamilies;
    for (const name of this.registered) {
      const unicode = families[name]?.unicode;
      if (!unicode) continue;
      unicode.forEach((codePoints, gid) => {
        // A copy: pdfkit's entry is the glyph's own array, shared with later documents.
        if (codePoints && codePoints.length > 1 && codePoints.every(isStrongRtl)) unicode[gid] = [...codePoints].reverse();
      });
    }
  }
}

const isStrongRtl = (cp: number): boolean => scriptOf(cp) === 'arabic' || scriptOf(cp) === 'hebrew';

