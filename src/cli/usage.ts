// Errors in how a command was called (exit 2), as opposed to input it refused (exit 1).
import type { CommanderError } from 'commander';
import { EXIT } from './output.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Commander has already printed help, the version or what is wrong with the command line. */
export function commandLineFailure(error: CommanderError): { readonly code: number; readonly message: undefined } {
  const ok = error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
  return { code: ok ? EXIT.ok : EXIT.usage, message: undefined };
}
