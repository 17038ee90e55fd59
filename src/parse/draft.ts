// A unit before it has an id: what the readers of each syntax produce.
import { hasTranslatableText } from '../model/unit.ts';
import type { Segment, Span, Syntax, Unit, UnitKind } from '../model/types.ts';
import type { SegmentBuilder } from './segments.ts';

export interface UnitDraft {
  readonly kind: UnitKind;
  readonly syntax: Syntax;
  readonly element: string;
  readonly segments: readonly Segment[];
  readonly span: Span;
  readonly anchor?: string;
  readonly yamlStyle?: Unit['yamlStyle'];
  readonly htmlEntities?: boolean;
}

/** Finishes a builder into a draft, or nothing when it holds no text to translate. */
export function draftOf(
  builder: SegmentBuilder,
  kind: UnitKind,
  syntax: Syntax,
  element: string,
  fallback: Span,
): UnitDraft | undefined {
  if (builder.isEmpty) return undefined;
  const { segments, span } = builder.finish(fallback, syntax === 'html');
  if (!hasTranslatableText(segments)) return undefined;
  return { kind, syntax, element, segments, span };
}
