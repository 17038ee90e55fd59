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

/**
 * Adds the shared options. `cacheUse` says what `--no-cache` means for this command: what it
 * does again without the cache (.handbook-cache/), and which of the cache's parts it leaves alone.
 */
export function withCommonOptions(command: Command, cacheUse: string): Command {
  return command
    .option('--articles <dir>', 'articles folder (default: from the configuration)')
    .option('--root <dir>', 'root folder holding handbook.config.json', '.')
    .option('--json', 'print the result as JSON')
    .option('--quiet', 'print the summary (or --json) and errors only, not each warning')
    .option('--no-cache', `${cacheUse}, without reading or writing the cache (.handbook-cache/)`);
}
