// Options every command shares: where the help center is, JSON output for scripts, no warnings.
import type { Command } from 'commander';

/** The options withCommonOptions gives every command, as commander hands them to its action. */
export interface CommonFlags {
  articles?: string;
  root: string;
  json?: boolean;
  /** No warning lines: the summary (or --json) and errors only. */
  quiet?: boolean;
  /** false with --no-cache. */
  cache: boolean;
}

export function withCommonOptions(command: Command): Command {
  return command
    .option('--articles <dir>', 'articles folder (default: from the configuration)')
    .option('--root <dir>', 'root folder holding handbook.config.json', '.')
    .option('--json', 'print the result as JSON')
    .option('--quiet', 'print the summary (or --json) and errors only, not each warning')
    .option('--no-cache', 'parse every article, convert every PDF picture, shape every PDF word and remake every output again, without reading or writing the cache (.handbook-cache/: parsed models, converted pictures, shaped words, output ledger)');
}
