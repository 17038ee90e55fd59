// Options every command shares: where the help center is, and JSON output for scripts.
import type { Command } from 'commander';

export function withCommonOptions(command: Command): Command {
  return command
    .option('--articles <dir>', 'articles folder (default: from the configuration)')
    .option('--root <dir>', 'root folder holding handbook.config.json', '.')
    .option('--json', 'print the result as JSON')
    .option('--no-cache', 'parse every article, convert every PDF picture, shape every PDF word and remake every output again, without reading or writing the cache (.handbook-cache/: parsed models, converted pictures, shaped words, output ledger)');
}
