// The parser of the fixed stack alone, the documented way: unified + remark-parse + remark-gfm +
// remark-frontmatter over every Markdown file under a folder, in one fresh process, and nothing
// else (no Liquid, no model, no output). bench/process.ts --only-extract times it beside the cold
// `extract --all` and po4a: the wall time a cold extract cannot go below on this machine without
// another parser. Plain JavaScript, so no TypeScript loader is timed with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
let nodes = 0;
for (const entry of readdirSync(process.argv[2], { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith('.md')) nodes += processor.parse(readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8')).children.length;
}
if (nodes === 0) process.exit(1);
