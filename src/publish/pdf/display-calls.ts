// The pdfkit calls a display list may hold, by the kind of object each is made on, with the shape of
// their arguments and the kind of object they return. A list read back from the cache is data: its
// calls are checked against this table (method names looked up in Maps, handles in range and of the
// kind the argument takes, options objects only with the keys named here) before anything is drawn,
// and a recording whose calls do not fit it is not kept, so what is recorded is what can be replayed.

/** The kinds of objects a logged call is made on or refers to. */
export type Kind = 'document' | 'outline' | 'structure' | 'marked' | 'picture';

/** The shape of a logged argument. */
export type Shape =
  | 'number'
  | 'string'
  /** null or undefined */
  | 'nothing'
  | { readonly handle: ReadonlySet<Kind> }
  | { readonly options: ReadonlyMap<string, Shape> }
  | { readonly tuple: readonly Shape[] };

export interface Signature {
  readonly args: readonly Shape[];
  /** Arguments that must be given; the later ones may be left out, null or undefined. */
  readonly required: number;
  /** The kind of the object the call returns, kept as a handle; none: its result is not used. */
  readonly returns?: Kind;
}

const handle = (...kinds: Kind[]): Shape => ({ handle: new Set(kinds) });
const options = (shapes: Record<string, Shape>): Shape => ({ options: new Map(Object.entries(shapes)) });
const call = (args: readonly Shape[], required = args.length, returns?: Kind): Signature => ({ args, required, returns });

const n = 'number';
const s = 'string';
const box = [n, n, n, n] as const;
const annotation = options({ structParent: handle('structure') });

/** The calls each kind of object takes. */
const CALLS: ReadonlyMap<Kind, ReadonlyMap<string, Signature>> = new Map<Kind, ReadonlyMap<string, Signature>>([
  [
    'document',
    new Map([
      ['addPage', call([])],
      ['addNamedDestination', call([s, s, n, n, 'nothing'], 4)],
      ['addStructure', call([handle('structure')])],
      ['struct', call([s, options({ alt: s, actual: s, lang: s, title: s, scope: s })], 1, 'structure')],
      ['markStructureContent', call([s], 1, 'marked')],
      ['markContent', call([s, options({ type: s })], 1)],
      ['endMarkedContent', call([])],
      ['save', call([])],
      ['restore', call([])],
      ['rect', call(box)],
      ['moveTo', call([n, n])],
      ['lineTo', call([n, n])],
      ['lineWidth', call([n])],
      ['strokeColor', call([s])],
      ['stroke', call([s], 0)],
      ['fill', call([s], 0)],
      ['fillOpacity', call([n])],
      ['dash', call([n, options({ space: n })], 1)],
      ['undash', call([])],
      ['rotate', call([n, options({ origin: { tuple: [n, n] } })], 1)],
      ['image', call([handle('picture'), n, n, options({ width: n, height: n })], 3)],
      ['goTo', call([...box, s, annotation], 5)],
      ['link', call([...box, s, annotation], 5)],
    ]),
  ],
  ['outline', new Map([['addItem', call([s], 1, 'outline')]])],
  [
    'structure',
    new Map([
      ['add', call([handle('structure', 'marked')])],
      ['end', call([])],
    ]),
  ],
]);

/** The signature of `method` on an object of `kind`, if a display list may hold that call. */
export function signatureOf(kind: Kind, method: string): Signature | undefined {
  return CALLS.get(kind)?.get(method);
}

/** A handle in decoded arguments, resolved to its object when the call is made. */
export class Ref {
  constructor(readonly index: number) {}
}

/** What `decodeArgs` gives for arguments that do not fit their call. */
export const INVALID: unique symbol = Symbol('invalid display list arguments');

const isRecord = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ $undefined: 1 }`, the logged form of undefined (JSON has none). */
function isUndefinedMark(v: unknown): boolean {
  return isRecord(v) && Object.keys(v).length === 1 && Object.hasOwn(v, '$undefined') && (v as { $undefined: unknown }).$undefined === 1;
}

/** A logged value in its shape, decoded (handles as `Ref`, `kinds` the kind of each handle so far), or INVALID. */
function decode(value: unknown, shape: Shape, kinds: readonly Kind[]): unknown {
  if (shape === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : INVALID;
  if (shape === 'string') return typeof value === 'string' ? value : INVALID;
  if (shape === 'nothing') return value === null ? null : isUndefinedMark(value) ? undefined : INVALID;
  if ('handle' in shape) {
    if (!isRecord(value) || Object.keys(value).length !== 1 || !Object.hasOwn(value, '$handle')) return INVALID;
    const index = (value as { $handle: unknown }).$handle;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= kinds.length) return INVALID;
    return shape.handle.has(kinds[index]!) ? new Ref(index) : INVALID;
  }
  if ('tuple' in shape) {
    if (!Array.isArray(value) || value.length !== shape.tuple.length) return INVALID;
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const v = decode(value[i], shape.tuple[i]!, kinds);
      if (v === INVALID) return INVALID;
      out.push(v);
    }
    return out;
  }
  if (!isRecord(value)) return INVALID;
  // Only the keys named in the shape: `__proto__`, `constructor` and the like are refused.
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const field = shape.options.get(key);
    if (field === undefined) return INVALID;
    const decoded = isUndefinedMark(v) ? undefined : decode(v, field, kinds);
    if (decoded === INVALID) return INVALID;
    out[key] = decoded;
  }
  return out;
}

/** A call's logged arguments decoded by its signature, or INVALID when they do not fit it. */
export function decodeArgs(args: unknown, signature: Signature, kinds: readonly Kind[]): unknown[] | typeof INVALID {
  if (!Array.isArray(args) || args.length < signature.required || args.length > signature.args.length) return INVALID;
  const out: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as unknown;
    // A left-out argument is logged as undefined or null.
    const v = i >= signature.required && (a === null || isUndefinedMark(a)) ? (a === null ? null : undefined) : decode(a, signature.args[i]!, kinds);
    if (v === INVALID) return INVALID;
    out.push(v);
  }
  return out;
}

/** Decoded arguments with each `Ref` replaced by its object. */
export function resolveRefs(value: unknown, handles: readonly unknown[]): unknown {
  if (value instanceof Ref) return handles[value.index];
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, handles));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    // Keys checked by `decode`: only those its shape names.
    for (const [key, v] of Object.entries(value)) out[key] = resolveRefs(v, handles);
    return out;
  }
  return value;
}

/** Whether decoded arguments hold a handle. */
export function hasRefs(value: unknown): boolean {
  if (value instanceof Ref) return true;
  if (Array.isArray(value)) return value.some(hasRefs);
  return isRecord(value) && Object.values(value).some(hasRefs);
}
