// An article's pages as a display list: every call the layout of one article made on pdfkit (pages
// added, structure elements, marked content, shapes, annotations, destinations, bookmarks), its
// text shown (face, size, string, position), the faces and pictures it asked for, the page each of
// its ids starts on and its warnings, in order. Each article starts on a new page and its layout
// depends on nothing before it, so a build whose article did not change replays the list into the
// new document instead of laying the article out again: pdfkit is called with the same arguments in
// the same order, so the document (glyph subsets, object numbers, structure tree, the page numbers
// of the contents, outline and footers around it) is byte for byte that of a layout from scratch.
//
// Recording: while an article is laid out, the layout's `doc` is a recording stand-in for pdfkit's
// document. Each call is logged, then made on the real document; an object a call returns (a
// structure element, a marked content, a bookmark) is itself a stand-in, known by a number the log
// refers to. A call the log cannot hold (an argument that is no plain data or known object) spoils
// the recording: the article is laid out as usual and simply not kept.
//
// Replaying: a list read back is data. It is parsed and checked whole before anything is drawn (each
// call one display-calls.ts allows on its kind of object, with arguments of the shapes it takes,
// handles in range, faces known, pictures as they were); a damaged or foreign list draws nothing and
// the article is laid out (and recorded) as if there were none.
import type { DocumentWarning } from '../../handbook/document.ts';
import { decodeArgs, hasRefs, INVALID, resolveRefs, signatureOf, type Kind } from './display-calls.ts';

/**
 * The log of one article (the operations below), kept between builds with the article's fragments
 * as one JSON text: read back five times faster than the same arrays serialized by v8 (measured on
 * the 10× corpus: 48 against 228 ms for the 60 articles of a handbook).
 */
export interface DisplayList {
  readonly version: typeof VERSION;
  /** The layout it was recorded in (`layoutStamp`: theme, page size, font packages): replayed only into the same. */
  readonly stamp: string;
  readonly ops: string;
}

const VERSION = 'pdf-display-list/2';

/** A logged call: [CALL, target, method, args, result handle or -1]. */
const CALL = 0;
/** Text shown: [TEXT, face name, size, text, x, baseline]. */
const TEXT = 1;
/** A face asked for (registered with the document the first time): [FACE, name]. */
const FACE = 2;
/** A picture asked for: [PICTURE, src, handle of its image or -1]. */
const PICTURE = 3;
/** An id starting on the current page: [PLACE, id]. */
const PLACE = 4;
/** A warning: [WARN, kind, message, line]. */
const WARN = 5;
/** The fill colour text is drawn in: [COLOR, colour]. */
const COLOR = 6;

type Op = readonly unknown[];

/** A reference to an object a call returned, in logged arguments. */
interface HandleRef {
  readonly $handle: number;
}

/** `undefined` in logged arguments (JSON has none). */
const UNDEFINED = { $undefined: 1 } as const;

/**
 * Methods not logged: they draw nothing. The measuring ones change nothing; `font` and `fontSize` do
 * change the document's current font, but no logged call depends on it, as every text shown is a
 * TEXT operation whose replay sets its own face and size first (`showFaceText`), and what the
 * measures gave is already in the logged positions.
 */
const PURE = new Set(['font', 'fontSize', 'widthOfString', 'bufferedPageRange', 'currentLineHeight', 'heightOfString']);

/** What replaying and recording need of the layout (implemented by `Layout`). */
export interface DisplayTarget extends FaceCheck {
  readonly doc: PDFKit.PDFDocument;
  article: string;
  articleLine: number;
  readonly pages: Map<string, number>;
  readonly pageNumber: number;
  readonly warnings: DocumentWarning[];
  /** Registers the named face with the document if it is not yet. */
  useFace(name: string): void;
  /** The picture at `src` (opened for the document the first time). */
  openPicture(src: string): { readonly image: unknown } | Error;
  /** Sets the fill colour of text on the current page (unless it is already that colour). */
  textColor(doc: PDFKit.PDFDocument, color: string): void;
  /** Shows text in a face and size at a baseline position. */
  showText(doc: PDFKit.PDFDocument, face: string, size: number, text: string, x: number, y: number): void;
}

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(v);
};

class Unrecordable extends Error {}

/** While recording, every face is one the layout found, registered before text was shown in it. */
const RECORDED_FACES: FaceCheck = { knowsFace: () => true, hasFace: () => true };

/** Records the pdfkit calls of one article while making them on the real document. */
export class Recorder {
  readonly ops: Op[] = [];
  /** Set when a call could not be logged: the recording is not kept. */
  failed = false;
  /** The stand-in for the document, given to the layout as its `doc`. */
  readonly doc: PDFKit.PDFDocument;
  private readonly handles = new Map<object, number>();
  private readonly standIns = new Map<object, object>();
  private readonly reals = new WeakMap<object, object>();
  private readonly faces = new Set<string>();

  constructor(readonly real: PDFKit.PDFDocument) {
    this.handles.set(real, 0);
    this.handles.set(real.outline as object, 1);
    this.doc = this.standIn(real) as PDFKit.PDFDocument;
  }

  /** The stand-in of a real object: its methods are logged, its other properties read through. */
  private standIn(real: object): object {
    let s = this.standIns.get(real);
    if (s) return s;
    const recorder = this;
    const target = this.handles.get(real)!;
    s = new Proxy(real, {
      get(obj, prop) {
        const value = Reflect.get(obj, prop, obj) as unknown;
        if (target === 0 && prop === 'outline') return recorder.standIn(value as object);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        const method = value as (...a: unknown[]) => unknown;
        if (target === 0 && PURE.has(prop)) {
          return (...args: unknown[]) => {
            const r = method.apply(obj, args);
            return r === obj ? recorder.doc : r;
          };
        }
        return (...args: unknown[]) => recorder.call(obj, target, prop, method, args);
      },
    });
    this.standIns.set(real, s);
    this.reals.set(s, real);
    return s;
  }

  private call(obj: object, target: number, method: string, fn: (...a: unknown[]) => unknown, args: unknown[]): unknown {
    let logged: unknown[] | undefined;
    if (!this.failed) {
      try {
        logged = args.map((a) => this.encode(a));
      } catch (error) {
        if (!(error instanceof Unrecordable)) throw error;
        this.failed = true;
      }
    }
    const result = fn.apply(obj, args.map((a) => this.unwrap(a)));
    let handle = -1;
    if (result !== null && (typeof result === 'object' || typeof result === 'function')) {
      const known = this.handles.get(result);
      if (known === undefined) {
        handle = this.handles.size;
        this.handles.set(result, handle);
      }
      if (logged) this.ops.push([CALL, target, method, logged, handle]);
      return this.standIn(result);
    }
    if (logged) this.ops.push([CALL, target, method, logged, handle]);
    return result;
  }

  /** Logged form of an argument: plain data as it is, known objects as handle references. */
  private encode(a: unknown): unknown {
    if (a === undefined) return UNDEFINED;
    if (a === null || typeof a !== 'object') {
      // JSON holds no functions, no NaN or infinities.
      if (typeof a === 'function' || typeof a === 'symbol' || typeof a === 'bigint' || (typeof a === 'number' && !Number.isFinite(a))) throw new Unrecordable();
      return a;
    }
    const real = this.reals.get(a) ?? a;
    const handle = this.handles.get(real);
    if (handle !== undefined) return { $handle: handle } satisfies HandleRef;
    if (!isPlain(a)) throw new Unrecordable();
    if (Array.isArray(a)) return a.map((x) => this.encode(x));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) out[k] = this.encode(v);
    return out;
  }

  /** The real objects behind stand-ins, for the real call. */
  private unwrap(a: unknown): unknown {
    if (a === null || typeof a !== 'object') return a;
    const real = this.reals.get(a);
    if (real) return real;
    if (!isPlain(a)) return a;
    if (Array.isArray(a)) return a.map((x) => this.unwrap(x));
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) {
      out[k] = this.unwrap(v);
      if (out[k] !== v) changed = true;
    }
    return changed ? out : a;
  }

  text(face: string, size: number, text: string, x: number, y: number): void {
    if (!Number.isFinite(size) || !Number.isFinite(x) || !Number.isFinite(y)) this.failed = true;
    this.ops.push([TEXT, face, size, text, x, y]);
  }

  color(color: string): void {
    this.ops.push([COLOR, color]);
  }

  /** A face the article asked for: logged the first time in the article. */
  face(name: string): void {
    if (this.faces.has(name)) return;
    this.faces.add(name);
    this.ops.push([FACE, name]);
  }

  picture(src: string, picture: { readonly image: unknown } | Error): void {
    let handle = -1;
    if (!(picture instanceof Error)) {
      const image = picture.image as object;
      handle = this.handles.get(image) ?? this.handles.size;
      this.handles.set(image, handle);
    }
    this.ops.push([PICTURE, src, handle]);
  }

  place(id: string): void {
    this.ops.push([PLACE, id]);
  }

  warn(kind: string, message: string, line: number): void {
    this.ops.push([WARN, kind, message, line]);
  }

  /** The list recorded, unless a call could not be logged or is not one a list may hold (`checkedOps`: what is kept can be replayed). */
  list(stamp: string): DisplayList | undefined {
    if (this.failed || !checkedOps(this.ops, RECORDED_FACES)) return undefined;
    return { version: VERSION, stamp, ops: JSON.stringify(this.ops) };
  }
}

/** Whether a value kept by an earlier build is a display list this code replays. */
export function isDisplayList(value: unknown): value is DisplayList {
  if (typeof value !== 'object' || value === null) return false;
  const { version, stamp, ops } = value as Partial<Record<keyof DisplayList, unknown>>;
  return version === VERSION && typeof stamp === 'string' && typeof ops === 'string';
}

/** Whether `v` is an index into a list of `length` items. */
const isIndex = (v: unknown, length: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < length;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** What checking a list needs to know of the faces: whether one of that name exists, and whether the document has it already. */
export interface FaceCheck {
  knowsFace(name: string): boolean;
  hasFace(name: string): boolean;
}

/**
 * The operations of a list checked and decoded, or undefined when anything in it is not what this
 * code records (the list is damaged, or foreign): every call is one the table of display-calls.ts
 * allows on the kind of object it is made on, with arguments of the shapes it takes (handles in
 * range and of the right kind), every face known and registered before text is shown in it, every
 * field of the right type. A CALL comes back as [CALL, target, method, decoded args, handle, whether
 * the args hold handles].
 */
function checkedOps(ops: unknown, faces: FaceCheck): Op[] | undefined {
  if (!Array.isArray(ops)) return undefined;
  const kinds: Kind[] = ['document', 'outline'];
  const asked = new Set<string>();
  const checked: Op[] = [];
  for (const op of ops as unknown[]) {
    if (!Array.isArray(op)) return undefined;
    switch (op[0]) {
      case CALL: {
        const [, on, method, args, handle] = op as unknown[];
        if (op.length !== 5 || !isIndex(on, kinds.length) || typeof method !== 'string') return undefined;
        const signature = signatureOf(kinds[on]!, method);
        if (!signature) return undefined;
        const decoded = decodeArgs(args, signature, kinds);
        if (decoded === INVALID) return undefined;
        if (handle !== -1) {
          if (handle !== kinds.length || !signature.returns) return undefined;
          kinds.push(signature.returns);
        }
        checked.push([CALL, on, method, decoded, handle, hasRefs(decoded)]);
        continue;
      }
      case TEXT: {
        const [, face, size, text, x, y] = op as unknown[];
        if (op.length !== 6 || typeof face !== 'string' || typeof text !== 'string' || !isFiniteNumber(size) || !isFiniteNumber(x) || !isFiniteNumber(y)) return undefined;
        if (!asked.has(face) && !faces.hasFace(face)) return undefined;
        break;
      }
      case FACE:
        if (op.length !== 2 || typeof op[1] !== 'string' || !faces.knowsFace(op[1])) return undefined;
        asked.add(op[1]);
        break;
      case PICTURE: {
        const [, src, handle] = op as unknown[];
        if (op.length !== 3 || typeof src !== 'string') return undefined;
        if (handle === kinds.length) kinds.push('picture');
        else if (handle !== -1 && !(isIndex(handle, kinds.length) && kinds[handle] === 'picture')) return undefined;
        break;
      }
      case PLACE:
      case COLOR:
        if (op.length !== 2 || typeof op[1] !== 'string') return undefined;
        break;
      case WARN:
        if (op.length !== 4 || typeof op[1] !== 'string' || typeof op[2] !== 'string' || !isFiniteNumber(op[3])) return undefined;
        break;
      default:
        return undefined;
    }
    checked.push(op);
  }
  return checked;
}

/** The operations of a list kept by an earlier build, checked (see `checkedOps`); undefined when it is damaged. */
function readOps(list: DisplayList, faces: FaceCheck): Op[] | undefined {
  let ops: unknown;
  try {
    ops = JSON.parse(list.ops);
  } catch {
    return undefined;
  }
  return checkedOps(ops, faces);
}

/**
 * Makes the calls of an article's display list on the layout's document, from its first page on;
 * false, having drawn nothing, when the list is damaged or its pictures are not those it was
 * recorded with (the article is then laid out instead).
 */
export function replay(target: DisplayTarget, list: DisplayList): boolean {
  const ops = readOps(list, target);
  if (!ops) return false;
  // Pictures opened before anything is drawn, in the list's order (as its layout opened them): one
  // that cannot be shown now where it could then, or the other way round, and the article is laid out.
  const pictures: unknown[] = [];
  for (const op of ops) {
    if (op[0] !== PICTURE) continue;
    const picture = target.openPicture(op[1] as string);
    if (picture instanceof Error !== ((op[2] as number) < 0)) return false;
    pictures.push(picture instanceof Error ? undefined : picture.image);
  }
  const doc = target.doc;
  const handles: unknown[] = [doc, doc.outline];
  let picture = 0;
  for (const op of ops) {
    switch (op[0]) {
      case CALL: {
        const [, on, method, args, handle, refs] = op as [number, number, string, unknown[], number, boolean];
        const object = handles[on] as object;
        const fn = Reflect.get(object, method) as (...a: unknown[]) => unknown;
        const result = fn.apply(object, refs ? args.map((a) => resolveRefs(a, handles)) : args);
        if (handle >= 0) handles[handle] = result;
        break;
      }
      case TEXT: {
        const [, face, size, text, x, y] = op as [number, string, number, string, number, number];
        target.showText(doc, face, size, text, x, y);
        break;
      }
      case COLOR:
        target.textColor(doc, op[1] as string);
        break;
      case FACE:
        target.useFace(op[1] as string);
        break;
      case PICTURE: {
        const image = pictures[picture++];
        const handle = op[2] as number;
        if (handle >= 0) handles[handle] = image;
        break;
      }
      case PLACE:
        target.pages.set(op[1] as string, target.pageNumber);
        break;
      case WARN:
        target.warnings.push({ file: target.article, line: op[3] as number, kind: op[1] as string, message: op[2] as string });
        break;
    }
  }
  return true;
}
