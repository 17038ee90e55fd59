// What an XLIFF document holds, whatever its version: files of units, each with an optional target.
import type { Segment, Unit } from '../model/types.ts';

export type XliffVersion = '1.2' | '2.0';
export const XLIFF_VERSIONS: readonly XliffVersion[] = ['1.2', '2.0'];

export type TargetState = 'needs-review' | 'translated' | 'reviewed' | 'final' | 'outdated';

/** A translation shown to the translator as a reference: an earlier version, or a near match. */
export interface Reference {
  readonly source: readonly Segment[];
  readonly target: readonly Segment[];
  /** Similarity to the unit's source, 0–100. */
  readonly score: number;
  readonly origin: 'previous-version' | 'translation-memory';
}

export interface PackageUnit {
  readonly unit: Unit;
  readonly references?: readonly Reference[];
  readonly target?: readonly Segment[];
  readonly state?: TargetState;
  /** The store revision of the unit when extracted; merge refuses files older than the store. */
  readonly revision?: number;
}

export interface PackageFile {
  /** The article's path relative to the articles folder, or `category:<slug>`. */
  readonly original: string;
  readonly units: readonly PackageUnit[];
}

export interface XliffPackage {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly files: readonly PackageFile[];
}

export const TOOL = { id: 'handbook', name: 'handbook', version: '0.1.0' } as const;

/** The location a translator reads in the note of every unit. */
export function locationNote(unit: Unit): string {
  return `${unit.context.file}, line ${unit.context.line}: ${unit.context.element}`;
}
