// A translator's habit: white space just inside a pair of codes (`<g id="1">Einstellungen </g>`).
// Written as it stands (`**Einstellungen **`) the pair no longer reads as one, so edge white space
// moves outside the pair, as many levels as it takes; the unit's own edges are trimmed, as the
// source unit was.
import type { Segment } from '../../model/types.ts';

const LEADING = /^[\s\u00a0]+/u;
const TRAILING = /[\s\u00a0]+$/u;

function merged(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (segment.type === 'text' && segment.value === '') continue;
    if (segment.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + segment.value };
    else out.push(segment);
  }
  return out;
}

export function movePairSpacesOut(target: readonly Segment[], trimEdges: boolean): Segment[] {
  let segments = merged(target);
  for (let changed = true; changed; ) {
    changed = false;
    const next: Segment[] = [];
    for (let k = 0; k < segments.length; k++) {
      const segment = segments[k]!;
      const after = segments[k + 1];
      if (segment.type === 'code' && segment.kind === 'open' && after?.type === 'text' && LEADING.test(after.value)) {
        const space = LEADING.exec(after.value)![0];
        next.push({ type: 'text', value: space }, segment, { type: 'text', value: after.value.slice(space.length) });
        k++;
        changed = true;
        continue;
      }
      if (segment.type === 'text' && after?.type === 'code' && after.kind === 'close' && TRAILING.test(segment.value)) {
        const space = TRAILING.exec(segment.value)![0];
        next.push({ type: 'text', value: segment.value.slice(0, -space.length) }, after, { type: 'text', value: space });
        k++;
        changed = true;
        continue;
      }
      next.push(segment);
    }
    segments = merged(next);
  }
  if (trimEdges) {
    const first = segments[0];
    if (first?.type === 'text') segments[0] = { type: 'text', value: first.value.replace(LEADING, '') };
    const last = segments[segments.length - 1];
    if (last?.type === 'text') segments[segments.length - 1] = { type: 'text', value: last.value.replace(TRAILING, '') };
    segments = merged(segments);
  }
  return segments;
}
