// A pseudo-translation for tests: accented letters, about 30% longer, and markup-like characters
// a translator might type (`|`, `*`, `[`, `<`, `{{`), which must stay text.
import type { Segment } from '../../src/model/types.ts';

const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', A: 'Å', E: 'É', I: 'Î', O: 'Ø', U: 'Û', c: 'ç', n: 'ñ', s: 'š', y: 'ý' };

export function pseudoText(text: string, salt = 0): string {
  if (!/\p{L}/u.test(text)) return text;
  const accented = text.replace(/[a-zA-Z]/g, (ch) => ACCENTED[ch] ?? ch);
  const noise = [' |x|', ' *ş*', ' [ñ]', ' <ß>', ' {{ẞ}}', ' {%q%}', ' #1.', ' _ü_', ' &amp;'][salt % 9]!;
  const padding = '·'.repeat(Math.ceil(text.length * 0.3));
  return `${accented}${noise} ${padding}`;
}

export function pseudoSegments(segments: readonly Segment[]): Segment[] {
  let salt = 0;
  return segments.map((s) => (s.type === 'text' ? { type: 'text', value: pseudoText(s.value, salt++) } : s));
}
