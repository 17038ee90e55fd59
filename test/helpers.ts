// Shared test helpers: where ../shared is, how to skip visibly, how to parse a string.
import test, { type Implementation } from 'ava';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { DEFAULT_LIQUID_RULES } from '../src/config/liquid-rules.ts';
import { parseArticle } from '../src/parse/article.ts';
import type { Article, Segment, Unit } from '../src/model/types.ts';

export const PROJECT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export const CORPUS = join(SHARED, 'corpus/bitwarden-help');
export const SEED = join(SHARED, 'seed/ongoing-administration.md');
export const CHECK_XLIFF = join(SHARED, 'xliff/check-xliff');
export const HAS_SHARED = existsSync(CORPUS) && existsSync(SEED);
export const NO_SHARED = '../shared is absent (a user clone): corpus tests skipped';

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** What a test needs that a machine may lack: a tool, or ../shared. */
export interface Need {
  readonly met: boolean;
  /** Why the test cannot run without it, and how to get it. */
  readonly reason: string;
}

export const SHARED_NEED: Need = { met: HAS_SHARED, reason: NO_SHARED };
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_NEED: Need = { met: existsSync(CHROMIUM), reason: 'chromium is not installed (apt-get install -y chromium)' };
export const JAVA_NEED: Need = { met: hasCommand('java'), reason: 'java is not installed: the Nu Html Checker cannot run (apt-get install -y default-jre-headless)' };
export const XMLLINT_NEED: Need = { met: hasCommand('xmllint'), reason: 'xmllint is missing (apt-get install -y libxml2-utils translate-toolkit)' };

/**
 * `test` when every need is met; otherwise `test.skip`, chosen when the file loads, with the first
 * missing need in the title, so ava's summary counts it as skipped and says why. Never a pass.
 */
export function testIf(...needs: readonly Need[]): (title: string, implementation: Implementation<[]>) => void {
  const missing = needs.find((need) => !need.met);
  if (!missing) return (title, implementation) => test(title, implementation);
  return (title, implementation) => test.skip(`${title} (skipped: ${missing.reason})`, implementation);
}

export function temporaryDir(prefix = 'handbook-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const PARSE_OPTIONS = { liquid: DEFAULT_LIQUID_RULES, translatableFrontMatter: ['title', 'description'] };

export function parse(text: string, path = 'test/article.md'): Article {
  return parseArticle(path, new TextEncoder().encode(text), PARSE_OPTIONS);
}

/** A unit as a translator sees it: codes shown as {kind:display}. */
export function shown(unit: Pick<Unit, 'segments'>): string {
  return unit.segments.map((s: Segment) => (s.type === 'text' ? s.value : `{${s.kind[0]}${s.id}:${s.display}}`)).join('');
}

export function texts(article: Article): string[] {
  return article.units.map(shown);
}
