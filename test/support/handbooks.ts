// Test helper: HTML handbooks built through the writers table, as `build --format html` builds them.
import type { Config } from '../../src/config/config.ts';
import type { HelpCenter } from '../../src/model/types.ts';
import { publishHandbooks, type HandbookBuildOptions } from '../../src/publish/handbooks.ts';

/** Per language: the HTML pages written (handbooks, then the index) and the warnings. */
export async function buildHtml(config: Config, center: HelpCenter, options: Omit<HandbookBuildOptions, 'formats'>) {
  const builds = await publishHandbooks(config, center, { ...options, formats: ['html'] });
  return builds.map((b) => ({ ...b, files: b.files.filter((f) => f.endsWith('.html')) }));
}
