// The handbook document: everything one category's handbook in one language shows, assembled once
// from the model and the store. Writers (html, pdf, md) are functions of this document alone.
//
// Each article's body is a sanitized hast tree with Liquid already resolved for publishing. The tree
// uses a small, closed vocabulary that every writer handles:
// - block: h2–h6 (with `id`; ids are unique across the handbook), p, ul/ol/li, blockquote, pre>code, table/thead/tbody/tr/th/td (`align`),
//   hr, figure>img+figcaption, `aside.callout` (`data-callout` = info|warning|danger|success|note…,
//   first child `p.callout-label` with the label in the handbook's words), `section.tabs` holding
//   `section.tab` each opening with `p.tab-title`, `figure.missing` (a missing picture's placeholder:
//   figcaption only), `p.embed` (an iframe as a link). The article's notice is `HandbookArticle.notice`.
// - from the articles' raw HTML the sanitizer also lets through div, span, kbd, mark, sup, sub, ins,
//   details/summary, dl/dt/dd…: a writer that has no form for one shows its children.
// - inline: strong, em, del, code, a (`href` `#id` inside the handbook, else absolute; `dir="ltr"`
//   when its text is an address; an address in running text, which is no link, is a
//   `span dir="ltr"`), br, img, `i.icon` (`data-icon` = a Font Awesome 4.7 name such as
//   `fa-cog`, no children; `iconGlyph(name)` in `icons.ts` gives its code point and outline,
//   `iconMeaning(name)` its label; classes `fa-lg`, `fa-2x`…`fa-5x`, `fa-fw`, `fa-rotate-90|180|270`
//   as `{% icon %}` gave them, `iconLook(classes)` says how to draw them).
// - fallback: text that has no translation keeps its source-language text with `lang` (the source
//   language) and `dir="ltr"`: on the block itself when the whole block fell back (p, li, h2…, td,
//   th, figcaption), else on a `span` around the run. Writers lay such text out left to right.
// `img` `src` is a path relative to the configured images folder; `imageFiles` gives the file on disk.
import type { Root } from 'hast';

export type Direction = 'ltr' | 'rtl';

export interface DocumentWarning {
  readonly file: string;
  readonly line: number;
  /** A short kind that groups warnings in the summary: `missing-image`, `missing-anchor`, `missing-article`… */
  readonly kind: string;
  readonly message: string;
}

/** An entry of the table of contents: an article (level 1) or one of its headings (levels 2–3). */
export interface TocEntry {
  /** The id the entry links to (unique across the handbook). */
  readonly id: string;
  readonly title: string;
  readonly level: 1 | 2 | 3;
  readonly children: readonly TocEntry[];
  /** The language of the title when it is not the document's (it fell back to the source language). */
  readonly language?: string;
}

export interface HandbookArticle {
  /** Unique across the handbook; in-document links point at it. */
  readonly id: string;
  /** Path relative to the articles folder. */
  readonly path: string;
  readonly title: string;
  /** The language the title is in (the source language when it fell back). */
  readonly titleLanguage: string;
  /** The untranslated / outdated notice in the handbook's words, when the article needs one. */
  readonly notice?: string;
  /** The article's body, without its title. */
  readonly body: Root;
}

/** The handbook's own words a writer needs, already translated into the document's language. */
export interface DocumentWords {
  readonly contents: string;
  /** "Page 3 of 41" in the document's language. */
  readonly page: (page: number, total: number) => string;
  /** "Generated on 2 December 2026". */
  readonly generatedOn: string;
  /** "Language: Deutsch". */
  readonly languageLine: string;
  /** "9 articles". */
  readonly articleCount: string;
  /** "Handbook: Send". */
  readonly handbookTitle: string;
}

export interface HandbookDocument {
  readonly language: string;
  readonly sourceLanguage: string;
  readonly direction: Direction;
  readonly category: string;
  /** The handbook's file name in an output folder, without extension (`<fileName>.html`, `.md`, `.pdf`). */
  readonly fileName: string;
  /** The category title in the document's language. */
  readonly title: string;
  readonly date: Date;
  readonly words: DocumentWords;
  readonly toc: readonly TocEntry[];
  readonly articles: readonly HandbookArticle[];
  /** `img` src (relative to the images folder) → absolute path of the file on disk, for pictures that exist. */
  readonly imageFiles: ReadonlyMap<string, string>;
  readonly warnings: readonly DocumentWarning[];
}
