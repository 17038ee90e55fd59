// The command line: a thin shell over the library; each command lives in its own module.
import { Command, CommanderError } from 'commander';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/config.ts';
import { registerExtract } from './extract.ts';
import { EXIT } from './output.ts';
import { UsageError } from './usage.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('handbook')
    .description('Turn a Markdown help center into XLIFF translator packages and localized handbooks')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  registerExtract(program, (code) => (exitCode = code));
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
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv);
}
