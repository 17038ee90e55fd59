// The command line: a thin shell over the library; each command lives in its own module.
import { Command, CommanderError } from 'commander';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/config.ts';
import { registerBuild } from './build.ts';
import { registerExtract } from './extract.ts';
import { registerMerge } from './merge.ts';
import { registerPrune } from './prune.ts';
import { registerPseudo } from './pseudo.ts';
import { registerStatus } from './status.ts';
import { EXIT } from './output.ts';
import { UsageError } from './usage.ts';
import { LockedError } from '../store/lock.ts';
import { StoreError } from '../store/store.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('handbook')
    .description('Turn a Markdown help center into XLIFF translator packages and localized handbooks')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  const setExit = (code: number) => (exitCode = code);
  registerExtract(program, setExit);
  registerMerge(program, setExit);
  registerBuild(program, setExit);
  registerStatus(program, setExit);
  registerPseudo(program, setExit);
  registerPrune(program, setExit);
  program.commands.forEach((command) => command.exitOverride());
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof LockedError || error instanceof StoreError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.refused;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv);
}
