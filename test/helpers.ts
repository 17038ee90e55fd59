// Shared test helpers: where ../shared is, how to skip visibly, how to parse a string.
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
