// Segments as one readable line for the store: codes as <1>…</1> and <2/>, text with < and & escaped.
import type { Code, Segment } from '../model/types.ts';

export function toTagged(segments: readonly { type: string; value?: string; id?: number | string; kind?: string }[]): string {
  return segments
    .map((s) => {
      if (s.type === 'text') return (s.value ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return s.kind === 'open' ? `<${s.id}>` : s.kind === 'close' ? `</${s.id}>` : `<${s.id}/>`;
    })
    .join('');
}

const TOKEN = /<(\/?)([^<>/\s]+)(\/?)>|[^<]+/g;

/**
 * Reads tagged text back into segments, taking each code from the unit's source codes.
 * Returns undefined when it names a code the source does not have.
 */
export function fromTagged(tagged: string, sourceCodes: readonly Code[]): Segment[] | undefined {
  const segments: Segment[] = [];
  for (const match of tagged.matchAll(TOKEN)) {
    if (match[2] === undefined) {
      const value = match[0].replace(/&lt;/g, '<').replace(/&amp;/g, '&');
      segments.push({ type: 'text', value });
      continue;
    }
    const kind = match[1] ? 'close' : match[3] ? 'standalone' : 'open';
    const code = sourceCodes.find((c) => String(c.id) === match[2] && c.kind === kind);
    if (!code) return undefined;
    segments.push(code);
  }
  return segments;
}

/** Segments of tagged text on its own (a reference translation), with plain codes standing for its tags. */
export function segmentsOfTagged(tagged: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of tagged.matchAll(TOKEN)) {
    if (match[2] === undefined) {
      segments.push({ type: 'text', value: match[0].replace(/&lt;/g, '<').replace(/&amp;/g, '&') });
      continue;
    }
    const kind = match[1] ? 'close' : match[3] ? 'standalone' : 'open';
    const id = Number(match[2]);
    segments.push({ type: 'code', id, kind, role: 'html', data: '', display: match[0] });
  }
  return segments;
}
