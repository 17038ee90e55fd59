// The library: every stage as a function, the same ones the CLI calls.
export type * from './model/types.ts';
export { loadConfig, ConfigError, CONFIG_FILE, type Config } from './config/config.ts';
export { DEFAULT_LIQUID_RULES, type LiquidRules, type LiquidTagRule } from './config/liquid-rules.ts';
export { parseArticle, type ParseOptions } from './parse/article.ts';
export { readHelpCenter } from './parse/help-center.ts';
export { ArticleError } from './parse/problem.ts';
export { plainText, countWords, displayText } from './model/unit.ts';
export { kramdownId } from './model/anchor.ts';
export { writeXliff } from './xliff/write.ts';
export type { XliffPackage, XliffVersion, PackageFile, PackageUnit } from './xliff/package.ts';
export { extract, categoryPackage, type ExtractOptions, type ExtractResult } from './extract/extract.ts';
export { merge, mergeLocked, type MergeOptions, type MergeReport } from './merge/merge.ts';
export { buildMarkdown } from './build/markdown.ts';
export { main } from './cli/main.ts';
export { localizeArticle, type TranslationOf, type LocalizeResult } from './render/markdown/localize.ts';
