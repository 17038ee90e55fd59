// The command line: a thin shell over the library; each command lives in its own module.
import { Command, CommanderError } from 'commander';
import { commandLineFailure } from './usage.ts';
import { pathToFileURL } from 'node:url';
import { registerBuild } from './build.ts';
import { registerExtract } from './extract.ts';
import { registerMerge } from './merge.ts';
import { registerPrune } from './prune.ts';
import { registerPseudo } from './pseudo.ts';
import { registerStatus } from './status.ts';
import { EXIT } from './output.ts';
import { setQuietWarnings } from '../util/warn.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('handbook')
    .description('Turn a Markdown help center into XLIFF translator packages and localized handbooks')
    .version('0.1.0')
    .option('--debug', 'on an internal error, print where it happened (the stack)')
    .exitOverride()
    .showHelpAfterError();
  const setExit = (code: number) => (exitCode = code);
  // handbook's own notices (a cache not saved) follow --quiet as the commands' warnings do.
  program.hook('preAction', (_, command) => setQuietWarnings(Boolean(command.opts().quiet)));
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
    // --help and command-line mistakes end here without loading the pipeline's error classes.
    const failure = error instanceof CommanderError ? commandLineFailure(error) : (await import('./failure.ts')).failureOf(error, argv.includes('--debug'));
    if (failure.message) process.stderr.write(`${failure.message}\n`);
    return failure.code;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv);
}
