// Heading ids as kramdown (Jekyll's Markdown engine) generates them, so `#anchor` links resolve.

/** kramdown's automatic id for a heading text: ASCII letters, digits and hyphens only. */
export function kramdownId(text: string): string {
  const id = text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
  return id === '' ? 'section' : id;
}

/** Hands out ids unique within one document, as kramdown does (`id`, `id-1`, `id-2`…). */
export class AnchorSet {
  private readonly used = new Map<string, number>();
  take(base: string): string {
    const seen = this.used.get(base);
    if (seen === undefined) {
      this.used.set(base, 0);
      return base;
    }
    this.used.set(base, seen + 1);
    return `${base}-${seen + 1}`;
  }
}
