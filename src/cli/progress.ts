// A progress bar on a terminal, nothing in CI or in a pipe; one summary line either way.
import type * as CliProgress from 'cli-progress';
import { createRequire } from 'node:module';

// Loaded only when a bar is shown: it costs a tenth of a second at every start otherwise.
const load = () => createRequire(import.meta.url)('cli-progress') as typeof CliProgress;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function isInteractive(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && !process.env.CI;
}

export function startProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!isInteractive(stream)) return { update() {}, stop() {} };
  const cliProgress = load();
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total}`, stream, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
