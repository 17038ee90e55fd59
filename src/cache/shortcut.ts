// The whole-command shortcut: when none of a command's inputs changed since its last run (the stat
// of every article, category file, store file and picture, the configuration, the options, the
// tool) and its outputs are still as it wrote them, the command prints what it printed then
// without loading the pipeline or reading the help center.
import { resolve } from 'node:path';
import type { Config } from '../config/config.ts';
import { fingerprint } from './fingerprint.ts';
import { fileStatKey, OutputLedger, statKey, toolVersion } from './outputs.ts';

interface Remembered<T> {
  readonly result: T;
  readonly outputs: readonly string[];
  readonly outputsKey: string;
}

export class RunShortcut {
  readonly ledger: OutputLedger;
  private readonly sources: string;

  /**
   * `args`: the command's options as they decide its result; `folders`: input folders besides the
   * articles, category files and store (the images, for build).
   */
  constructor(
    private readonly config: Config,
    private readonly command: string,
    args: unknown,
    private readonly folders: readonly string[] = [],
  ) {
    this.ledger = OutputLedger.open(config.cache, command);
    this.sources = this.sourceKey(args);
  }

  private skip(): Set<string> {
    const { config } = this;
    return new Set([config.output, config.locales, config.cache ?? '', config.images, config.categories ?? ''].filter(Boolean).map((p) => resolve(p)));
  }

  private sourceKey(args: unknown): string {
    const { config } = this;
    const folders = [config.articles, ...(config.categories ? [config.categories] : []), ...this.folders].map((p) => resolve(p));
    return fingerprint(toolVersion(), this.command, JSON.stringify(args), JSON.stringify(config), statKey(folders, this.skip()));
  }

  private key(): string {
    return fingerprint(this.sources, statKey([resolve(this.config.locales)]));
  }

  /** The result of the last run, when nothing it depends on changed since and its outputs are intact. */
  answer<T>(): T | undefined {
    if (!this.ledger.enabled) return undefined;
    const found = this.ledger.shortcut('run', this.key()) as Remembered<T> | undefined;
    if (!found || fileStatKey(found.outputs) !== found.outputsKey) return undefined;
    return found.result;
  }

  /**
   * Remembers a run's result (as a run with nothing changed would give it) and the outputs it
   * stands for; not when an input changed while the command ran.
   */
  remember(result: unknown, outputs: readonly string[], args: unknown): void {
    if (!this.ledger.enabled) return;
    if (this.sourceKey(args) !== this.sources) this.ledger.forgetShortcuts();
    else this.ledger.setShortcut('run', this.key(), { result, outputs, outputsKey: fileStatKey(outputs) } satisfies Remembered<unknown>);
  }
}
