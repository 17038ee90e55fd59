// Warnings of a build, once per problem: the same missing picture in five languages is one
// problem, listed once with the languages it concerns, and problems are grouped by kind.
import type { DocumentWarning } from '../handbook/document.ts';

export interface GroupedWarning extends DocumentWarning {
  /** The languages whose handbooks showed the problem, in build order. */
  readonly languages: readonly string[];
}

export interface WarningGroup {
  readonly kind: string;
  readonly warnings: readonly GroupedWarning[];
}

export function groupWarnings(builds: readonly { language: string; warnings: readonly DocumentWarning[] }[]): WarningGroup[] {
  const problems = new Map<string, { warning: DocumentWarning; languages: string[] }>();
  for (const build of builds) {
    for (const warning of build.warnings) {
      const key = JSON.stringify([warning.kind, warning.file, warning.line, warning.message]);
      const seen = problems.get(key) ?? { warning, languages: [] };
      if (!seen.languages.includes(build.language)) seen.languages.push(build.language);
      problems.set(key, seen);
    }
  }
  const groups = new Map<string, GroupedWarning[]>();
  for (const { warning, languages } of problems.values()) {
    const group = groups.get(warning.kind) ?? [];
    group.push({ ...warning, languages });
    groups.set(warning.kind, group);
  }
  return [...groups]
    .map(([kind, warnings]) => ({ kind, warnings: warnings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line) }))
    .sort((a, b) => b.warnings.length - a.warnings.length || a.kind.localeCompare(b.kind));
}
