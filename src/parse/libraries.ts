// The packages the parser runs on, imported through this one module. Compiled, `npm run build`
// replaces this module with one file holding them all (esbuild, see package.json), so their many
// modules (micromark, mdast, yaml, htmlparser2, …) are one file: a cold extract loads about 70
// modules instead of 289 (README, Speed); under tsx (tests, `npm run handbook`) it is the plain
// re-export it reads as.
export { decodeNamedCharacterReference } from 'decode-named-character-reference';
export { Parser as HtmlParser } from 'htmlparser2';
export { fromMarkdown, type Extension as MdastExtension, type Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
export { default as remarkFrontmatter } from 'remark-frontmatter';
export { default as remarkGfm } from 'remark-gfm';
export { unified } from 'unified';
export { isCollection, isMap, isPair, isScalar, parseDocument, visit, type Document } from 'yaml';
