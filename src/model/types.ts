// The intermediate model every stage reads: a help center of articles, each cut into translation units.

/** A half-open range of UTF-16 offsets into an article's source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What an inline code stands for; it decides how the code is shown to translators and rendered. */
export type CodeRole =
  | 'strong'
  | 'emphasis'
  | 'delete'
  | 'link'
  | 'image'
  | 'code'
  | 'html'
  | 'liquid'
  | 'break'
  | 'attributes'
  | 'control';

/**
 * Markup inside a unit that translators may move but never change or lose.
 * Paired codes (`open`/`close`) share one id; `data` is the exact source text of the code.
 */
export interface Code {
  readonly type: 'code';
  readonly id: number;
  readonly kind: 'open' | 'close' | 'standalone';
  readonly role: CodeRole;
  /** The code's bytes as written in the source. */
  readonly data: string;
  /** Where `data` stands in the article, when it stands there literally. */
  readonly span?: Span;
  /** A short, readable stand-in shown by CAT tools: `**`, `[link]`, `{{site.baseurl}}`. */
  readonly display: string;
}

export interface Text {
  readonly type: 'text';
  readonly value: string;
}

export type Segment = Text | Code;

export type UnitKind =
  | 'paragraph'
  | 'heading'
  | 'list-item'
  | 'table-cell'
  | 'image-caption'
  | 'image-alt'
  | 'html-text'
  | 'html-attribute'
  | 'front-matter'
  | 'category-title';

/** How a unit's text is written in the source, which decides how a translation is escaped. */
export type Syntax = 'markdown' | 'table-cell' | 'html' | 'html-attribute' | 'liquid-argument' | 'yaml';

export interface UnitContext {
  /** Path of the source file relative to the articles folder (or `category:<slug>`). */
  readonly file: string;
  /** 1-based line of the unit's first character. */
  readonly line: number;
  /** What the text is, for a translator: "table cell, row 3, column Description". */
  readonly element: string;
}

export interface Unit {
  /** Stable within its article: derived from kind and content, with `-2`, `-3`… for repeats. */
  readonly id: string;
  readonly kind: UnitKind;
  readonly syntax: Syntax;
  readonly segments: readonly Segment[];
  /** Where the unit's content stands in the source (what a translation replaces). */
  readonly span: Span;
  readonly context: UnitContext;
  readonly words: number;
  /** For YAML values: the scalar style, so a translation is written back the same way. */
  readonly yamlStyle?: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';
  /** For YAML values written with HTML entities (`Import &amp; Export`): the text is decoded, and a translation is written with entities again. */
  readonly htmlEntities?: boolean;
  /** For headings: the automatic anchor id of the source heading. */
  readonly anchor?: string;
}

export interface FrontMatter {
  /** The raw YAML between the `---` fences, byte for byte. */
  readonly raw: string;
  readonly span: Span;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A heading of an article, with the id kramdown gives it (whether or not it holds a unit). */
export interface Heading {
  /** The text kramdown makes the id from. */
  readonly text: string;
  readonly anchor: string;
  /** The unit holding the heading's text, when it has text to translate. */
  readonly unitId?: string;
}

export interface Article {
  /** Path relative to the articles folder, with `/` separators. */
  readonly path: string;
  /** The file's text (UTF-8 decoded, without a byte order mark). */
  readonly source: string;
  readonly hasBom: boolean;
  readonly frontMatter: FrontMatter | undefined;
  readonly title: string;
  readonly category: string;
  readonly order: number | undefined;
  readonly hidden: boolean;
  readonly units: readonly Unit[];
  /** Every heading in document order: what localized output needs to keep `#anchor` links working. */
  readonly headings: readonly Heading[];
  /** What reading it warned about (yaml's warnings on the front matter), kept with the model so a cached run reports them too. */
  readonly warnings?: readonly FileProblem[];
}

export interface Category {
  readonly slug: string;
  readonly title: string;
  readonly order: number | undefined;
  /** The category file's path relative to the root, when there is one. */
  readonly file: string | undefined;
  /** The category title as a unit, when a category file gives a title. */
  readonly units: readonly Unit[];
  /** Articles in reading order (by `order`, then title). */
  readonly articles: readonly Article[];
}

/** A problem that stops one file from being read, with where it is and what to do. */
export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface HelpCenter {
  readonly categories: readonly Category[];
  readonly problems: readonly FileProblem[];
  /** Warnings of the articles and category files read (the files were read; something in them should be fixed). */
  readonly warnings?: readonly FileProblem[];
}
