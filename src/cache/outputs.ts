// Only redo what changed: an output ledger per command (`.handbook-cache/outputs-<command>.json`)
// mapping each output file to the fingerprint of everything it is made from and to the file's own
// hash, so a command rewrites an output only when one of its inputs changed or the file itself was
// deleted or edited by hand. It also remembers, per command, the stat of every input file and the
// result of the last run: when nothing changed at all, the command answers from it without loading
// the pipeline or reading the help center.
//
// Like the model cache, the ledger is only a cache: a missing, damaged or foreign file means
// "everything is stale", never an error, and `--no-cache` neither reads nor writes it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { codeVersion, fingerprint } from './fingerprint.ts';
import { warn } from '../util/warn.ts';

const FORMAT = 'handbook-outputs/1';

/** JSON of an object with its keys sorted (one level): the same entries give the same text, whatever order they were set in. */
export function canonicalJson(value: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.keys(value).sort().map((key) => [key, value[key]]));
}

/** A hash of the whole running tool: any change of it makes every output stale. */
export const toolVersion = (): string => codeVersion(['']);

/** What the ledger knows of one output file. */
export interface OutputRecord {
  /** Fingerprint of everything the output is made from. */
  readonly fingerprint: string;
  /** SHA-256 of the file's bytes, or null when the output is "no file" (nothing to write). */
  readonly hash: string | null;
  /** Size and modification time when recorded: an unchanged stat spares hashing the file again. */
  readonly size?: number;
  readonly mtimeMs?: number;
  /** What the command reports for this output (warnings, counts), replayed when it is up to date. */
  readonly meta?: unknown;
}

/** The stat of every input of a run and the result it printed, to answer at once when nothing changed. */
export interface Shortcut {
  readonly key: string;
  readonly result: unknown;
}

interface LedgerFile {
  format: string;
  outputs: Record<string, OutputRecord>;
  shortcuts: Record<string, Shortcut>;
  state: Record<string, unknown>;
}

const hashOf = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export class OutputLedger {
  private readonly outputs = new Map<string, OutputRecord>();
  private readonly shortcuts = new Map<string, Shortcut>();
  /** Per-command state kept between runs (extract: the translation memory it was checked against). */
  private readonly state = new Map<string, unknown>();
  private changed = false;
  /** Outputs found up to date in this run. */
  upToDate = 0;

  private constructor(private readonly file: string | undefined) {
    if (!file) return;
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LedgerFile>;
      if (stored.format !== FORMAT) return;
      for (const [path, record] of Object.entries(stored.outputs ?? {})) this.outputs.set(path, record);
      for (const [name, shortcut] of Object.entries(stored.shortcuts ?? {})) this.shortcuts.set(name, shortcut);
      for (const [name, value] of Object.entries(stored.state ?? {})) this.state.set(name, value);
    } catch {
      // missing or damaged: every output is stale
    }
  }

  /** The ledger of one command in `cacheDir`, or a ledger that finds nothing up to date (`--no-cache`). */
  static open(cacheDir: string | undefined, command: string): OutputLedger {
    return new OutputLedger(cacheDir ? join(cacheDir, `outputs-${command}.json`) : undefined);
  }

  get enabled(): boolean {
    return this.file !== undefined;
  }

  /**
   * The record of an output when it was made from exactly these inputs and the file is still what
   * was written (or still absent); undefined when it must be made again.
   */
  fresh(path: string, inputs: string): OutputRecord | undefined {
    const record = this.outputs.get(path);
    if (!record || record.fingerprint !== inputs) return undefined;
    const stat = statOf(path);
    if (record.hash === null) return stat ? undefined : this.hit(record);
    if (!stat?.isFile()) return undefined;
    if (stat.size === record.size && stat.mtimeMs === record.mtimeMs) return this.hit(record);
    if (hashOf(readFileSync(path)) !== record.hash) return undefined;
    this.outputs.set(path, { ...record, size: stat.size, mtimeMs: stat.mtimeMs });
    this.changed = true;
    return this.hit(record);
  }

  private hit(record: OutputRecord): OutputRecord {
    this.upToDate++;
    return record;
  }

  /** True when `bytes` are what this command last wrote to `path` (nobody changed the file since). */
  wrote(path: string, bytes: Uint8Array | string): boolean {
    const hash = this.outputs.get(path)?.hash;
    return typeof hash === 'string' && hash === hashOf(bytes);
  }

  /** Remembers what an output was made from: `bytes` as written, or null for "no file". */
  record(path: string, inputs: string, bytes: Uint8Array | string | null, meta?: unknown): void {
    if (!this.file) return;
    const stat = bytes === null ? undefined : statOf(path);
    this.outputs.set(path, {
      fingerprint: inputs,
      hash: bytes === null ? null : hashOf(bytes),
      ...(stat ? { size: stat.size, mtimeMs: stat.mtimeMs } : {}),
      ...(meta === undefined ? {} : { meta }),
    });
    this.changed = true;
  }

  /** Remembers an output from the file on disk. */
  recordFile(path: string, inputs: string, meta?: unknown): void {
    if (this.file) this.record(path, inputs, readFileSync(path), meta);
  }

  getState<T>(name: string): T | undefined {
    return this.state.get(name) as T | undefined;
  }

  setState(name: string, value: unknown): void {
    this.state.set(name, value);
    this.changed = true;
  }

  /** The result remembered for this exact set of inputs, if any. */
  shortcut(name: string, key: string): unknown {
    const found = this.shortcuts.get(name);
    return found && found.key === key ? found.result : undefined;
  }

  setShortcut(name: string, key: string, result: unknown): void {
    this.shortcuts.set(name, { key, result });
    this.changed = true;
  }

  forgetShortcuts(): void {
    if (this.shortcuts.size) (this.shortcuts.clear(), (this.changed = true));
  }

  save(): void {
    if (!this.file || !this.changed) return;
    const data: LedgerFile = {
      format: FORMAT,
      outputs: Object.fromEntries([...this.outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      shortcuts: Object.fromEntries(this.shortcuts),
      state: Object.fromEntries(this.state),
    };
    try {
      writeFileAtomic(this.file, `${JSON.stringify(data)}\n`);
    } catch (error) {
      warn(dirname(this.file), `output ledger not saved: ${(error as Error).message}`);
    }
  }
}

/**
 * The stat (path, size, modification time) of every file under the folders, as one fingerprint:
 * the cheap check "did anything change?". Dot files and the `skip` folders are left out; a folder
 * that does not exist counts as empty.
 */
export function statKey(folders: readonly string[], skip: ReadonlySet<string> = new Set()): string {
  const lines: string[] = [];
  const walk = (dir: string, root: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      lines.push(`${dir}\u0000missing`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (skip.has(path)) continue;
      if (entry.isDirectory()) walk(path, root);
      else {
        const stat = statOf(path);
        lines.push(`${relative(root, path).split(sep).join('/')}\u0000${stat?.size}\u0000${stat?.mtimeMs}`);
      }
    }
  };
  for (const folder of folders) {
    lines.push(`\u0001${folder}`);
    walk(folder, folder);
  }
  return fingerprint(...lines.sort());
}

/** The stat of single files (missing ones included), as one fingerprint. */
export function fileStatKey(files: readonly string[]): string {
  return fingerprint(...files.map((file) => {
    const stat = statOf(file);
    return `${file}\u0000${stat?.size}\u0000${stat?.mtimeMs}`;
  }));
}
