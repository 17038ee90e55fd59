// The one error type of the parse stage: a file, a line, what is wrong and what to do.

export class ArticleError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ArticleError';
    this.file = file;
    this.line = line;
    this.reason = message;
  }
  readonly reason: string;
}

/** Maps offsets of a text to 1-based line numbers. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  /** Offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    return this.starts[this.lineOf(offset) - 1]!;
  }
}
