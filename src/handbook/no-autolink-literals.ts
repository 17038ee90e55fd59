// kramdown, which the help center's own site publishes with, makes links only of `[text](url)`,
// references and `<https://…>`: a bare `https://…`, `www.…` or `name@example.com` stays text.
// remark-gfm's autolink literals would turn such text (a translator's too) into live links. This
// remark plugin, used after remark-gfm, turns them off: the three literal constructs are disabled
// in the tokenizer and the transform that finds them in text afterwards is dropped; tables,
// strikethrough, footnotes and task lists stay.
import type { Processor } from 'unified';

const LITERAL_CONSTRUCTS = ['wwwAutolink', 'protocolAutolink', 'emailAutolink'];

interface FromMarkdownExtension {
  readonly transforms?: readonly { name: string }[];
}
type Extensions = (FromMarkdownExtension | Extensions)[];

function withoutLiteralTransform(extensions: Extensions): Extensions {
  return extensions
    .map((extension) => (Array.isArray(extension) ? withoutLiteralTransform(extension) : extension))
    .filter((extension) => Array.isArray(extension) || !extension.transforms?.some((transform) => transform.name === 'transformGfmAutolinkLiterals'));
}

export default function remarkNoAutolinkLiterals(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: Extensions };
  (data.micromarkExtensions ??= []).push({ disable: { null: LITERAL_CONSTRUCTS } });
  data.fromMarkdownExtensions = withoutLiteralTransform(data.fromMarkdownExtensions ?? []);
}
