// Pictures of the PDF writer. Plain PNGs and JPEGs go to pdfkit as they are; any other picture (a PNG
// with transparency or wider than needed, GIF, WebP, TIFF, SVG…) is turned into a plain PNG of its
// first frame by sharp, before layout, once per process, and kept in the picture cache
// (`<cache>/pictures/<sha256 of its bytes and the conversion>.png`) for the next runs.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'hast';
import sharp from 'sharp';
import { visit } from 'unist-util-visit';
import type { HandbookDocument } from '../../handbook/document.ts';
import { writeFileAtomic } from '../../util/atomic-write.ts';
import { warn } from '../../util/warn.ts';

/** Bytes pdfkit can embed, or why the picture cannot be shown. */
type Prepared = Buffer | Error;

const prepared = new Map<string, Promise<Prepared>>();

function isPng(b: Buffer): boolean {
  return b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}
function isJpeg(b: Buffer): boolean {
  return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

/** Widest picture embedded, in pixels: 150 dpi across the text column. */
const MAX_WIDTH = 1000;

/**
 * PNGs pdfkit embeds without decoding them: 8-bit, no alpha channel or transparent palette entries,
 * not interlaced, and no wider than MAX_WIDTH. Others go through sharp (pdfkit's own PNG decoder is
 * slow and memory hungry).
 */
function plainPng(b: Buffer): boolean {
  const width = b.readUInt32BE(16);
  const depth = b[24];
  const colorType = b[25];
  const interlace = b[28];
  const idat = b.indexOf('IDAT');
  const trns = b.indexOf('tRNS');
  return width <= MAX_WIDTH && depth === 8 && (colorType === 0 || colorType === 2) && interlace === 0 && (trns === -1 || trns > idat);
}

/**
 * A plain PNG (8-bit grey or RGB, not interlaced) embedded as its own compressed data: PNG's IDAT
 * stream is what a PDF image with the PNG predictors reads, so nothing is decoded. pdfkit draws any
 * object with a size, a label and `embed` as an image.
 */
class PngXObject implements OpenedImage {
  readonly width: number;
  readonly height: number;
  obj: unknown;
  private readonly colors: number;
  private readonly data: Buffer;

  /** `label` names the image in its page's resources: numbered per document, so a PDF's bytes never depend on what was built before it. */
  constructor(
    png: Buffer,
    readonly label: string,
  ) {
    this.width = png.readUInt32BE(16);
    this.height = png.readUInt32BE(20);
    this.colors = png[25] === 2 ? 3 : 1;
    const parts: Buffer[] = [];
    for (let at = 8; at + 8 <= png.length; ) {
      const length = png.readUInt32BE(at);
      const type = png.toString('latin1', at + 4, at + 8);
      if (type === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
      if (type === 'IEND') break;
      at += 12 + length;
    }
    this.data = Buffer.concat(parts);
  }

  embed(doc: PDFKit.PDFDocument): void {
    const obj = (doc as unknown as { ref(data: object): { end(data: Buffer): void } }).ref({
      Type: 'XObject',
      Subtype: 'Image',
      BitsPerComponent: 8,
      Width: this.width,
      Height: this.height,
      ColorSpace: this.colors === 3 ? 'DeviceRGB' : 'DeviceGray',
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: this.colors, BitsPerComponent: 8, Columns: this.width },
    });
    obj.end(this.data);
    this.obj = obj;
  }
}

/** What a converted picture depends on besides its bytes (settings, sharp and libvips): a change here names new cache files. */
const CONVERSION = `png, ${MAX_WIDTH} px wide at most, on white, mitchell, deflate 3; sharp ${sharp.versions.sharp ?? ''}, vips ${sharp.versions.vips}`;

/** A converted picture as the cache holds it: a whole PNG (a file cut short is converted again). */
function wholePng(b: Buffer): boolean {
  return isPng(b) && b.length > 20 && b.toString('latin1', b.length - 8, b.length - 4) === 'IEND' && plainPng(b);
}

async function convert(bytes: Buffer): Promise<Buffer> {
  // Transparency is laid on the white page once, here; the first frame of an animation is kept.
  return sharp(bytes, { pages: 1, animated: false })
    .resize({ width: MAX_WIDTH, withoutEnlargement: true, kernel: 'mitchell' })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 3, adaptiveFiltering: false })
    .toBuffer();
}

/** Picture cache folders a write failed in (warned about once). */
const unwritable = new Set<string>();

async function prepare(path: string, cache: string | undefined): Promise<Prepared> {
  try {
    const bytes = await readFile(path);
    if ((isPng(bytes) && plainPng(bytes)) || isJpeg(bytes)) return bytes;
    if (cache === undefined) return await convert(bytes);
    const file = join(cache, `${createHash('sha256').update(bytes).update(CONVERSION).digest('hex')}.png`);
    const kept = await readFile(file).catch(() => undefined);
    if (kept && wholePng(kept)) return kept;
    const converted = await convert(bytes);
    try {
      writeFileAtomic(file, converted);
    } catch (error) {
      // A cache that cannot be written (read-only folder, full disk) only costs time next run: said once.
      if (!unwritable.has(cache)) warn(cache, `picture cache not saved: ${(error as Error).message}`);
      unwritable.add(cache);
    }
    return converted;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** The image files the document's articles show. */
function sourcesOf(trees: readonly Root[]): Set<string> {
  const srcs = new Set<string>();
  for (const t of trees) {
    visit(t, 'element', (el) => {
      const src = el.properties?.['src'];
      if (el.tagName === 'img' && typeof src === 'string') srcs.add(src);
    });
  }
  return srcs;
}

/**
 * Reads (and where needed converts) every picture of the document; each file once per process.
 * `cache` is the folder converted pictures are kept in between runs (none: convert every run).
 */
export async function prepareImages(document: HandbookDocument, cache?: string): Promise<Map<string, Prepared>> {
  const out = new Map<string, Prepared>();
  await Promise.all(
    [...sourcesOf(document.articles.map((a) => a.body))].map(async (src) => {
      const path = document.imageFiles.get(src);
      if (path === undefined) return;
      let p = prepared.get(path);
      if (!p) prepared.set(path, (p = prepare(path, cache)));
      out.set(src, await p);
    }),
  );
  return out;
}

/** An image pdfkit has opened (and embeds once, however often it is drawn). */
export interface OpenedImage {
  readonly width: number;
  readonly height: number;
}

export interface PlacedImage {
  readonly image: OpenedImage;
  readonly width: number;
  readonly height: number;
}

/** The pictures of one PDF, each embedded once however often it is shown. */
export class Images {
  private readonly opened = new Map<string, PlacedImage | Error>();
  private embedded = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly files: ReadonlyMap<string, Prepared>,
  ) {}

  /** The picture at `src`, or why it cannot be shown (missing file, unreadable bytes). */
  get(src: string): PlacedImage | Error {
    let o = this.opened.get(src);
    if (o) return o;
    const bytes = this.files.get(src);
    if (bytes === undefined) o = new Error(`picture not found: ${src}`);
    else if (bytes instanceof Error) o = new Error(`picture ${src} cannot be read: ${bytes.message}`);
    else {
      try {
        const image = isPng(bytes) ? new PngXObject(bytes, `Ipdf${++this.embedded}`) : (this.doc as unknown as { openImage(b: Buffer): OpenedImage }).openImage(bytes);
        o = { image, width: image.width, height: image.height };
      } catch (e) {
        o = new Error(`picture ${src} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.opened.set(src, o);
    return o;
  }
}
