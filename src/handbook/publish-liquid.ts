// Resolves the Liquid of a (localized) article for publishing, as the Jekyll site would, into
// Markdown and HTML the unified pipeline reads: callouts become labelled asides, images figures,
// icons `i.icon` elements the writers draw, captured tab content goes where `markdownify` prints it. Site links are marked
// `hb-site:/…` so the handbook can point them into the document or at the public site.
import { Tokenizer, TokenKind, type TagToken } from 'liquidjs';
import { ICON_CLASS } from './icons.ts';

export const SITE_LINK = 'hb-site:';
export const IMAGE_LINK = 'hb-image:';

export interface LiquidWarning {
  readonly offset: number;
  /** Groups warnings in the summary: `unknown-icon`, `unknown-liquid`… */
  readonly kind: string;
  readonly message: string;
  /** The tag as written, to find it in the source article. */
  readonly needle: string;
}

export interface PublishOptions {
  /** The label a callout of this type opens with, in the handbook's words ("Note", "Warning"). */
  readonly calloutLabel: (type: string) => string;
  /** Whether Font Awesome 4.7 has an icon of this name. */
  readonly hasIcon: (name: string) => boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/&(?!#?[A-Za-z0-9]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The indentation of the line a token stands on, so blocks we open stay inside list items. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function aloneOnLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd < 0 ? text.length : lineEnd).trim() === '';
}

export interface PublishedLiquid {
  readonly markdown: string;
  readonly warnings: readonly LiquidWarning[];
}

export function publishLiquid(text: string, bodyStart: number, options: PublishOptions): PublishedLiquid {
  const tokens = new Tokenizer(text, undefined, undefined, [bodyStart, text.length]).readTopLevelTokens();
  const warnings: LiquidWarning[] = [];
  const captures = new Map<string, string>();
  let out = text.slice(0, bodyStart);
  let capture: { name: string; content: string } | undefined;
  let skipUntil: string | undefined;
  const emit = (piece: string) => {
    if (capture) capture.content += piece;
    else out += piece;
  };
  for (const token of tokens) {
    const raw = text.slice(token.begin, token.end);
    if (skipUntil) {
      if (token.kind === TokenKind.Tag && (token as TagToken).name === skipUntil) skipUntil = undefined;
      else if (skipUntil === 'endraw') emit(escapeHtml(raw));
      continue;
    }
    if (token.kind === TokenKind.HTML) {
      emit(raw);
      continue;
    }
    if (token.kind === TokenKind.Output) {
      const content = (token as unknown as { content: string }).content.trim();
      const markdownify = /^(\w+)\s*\|\s*markdownify$/.exec(content);
      if (content === 'site.baseurl') emit(SITE_LINK);
      else if (markdownify) emit(`\n\n${captures.get(markdownify[1]!) ?? ''}\n\n`);
      else warnings.push({ offset: token.begin, needle: raw, kind: 'unknown-liquid', message: `{{ ${content} }} has no value in a handbook; it is left out` });
      continue;
    }
    if (token.kind !== TokenKind.Tag) continue;
    const tag = token as TagToken;
    const indent = indentAt(text, tag.begin);
    const args = tag.args.trim();
    switch (tag.name) {
      case 'callout':
      {
        const type = args.split(/\s+/)[0] || 'info';
        emit(`\n\n${indent}<aside class="callout" data-callout="${escapeHtml(type)}"><p class="callout-label">${escapeHtml(options.calloutLabel(type))}</p>\n\n${indent}`);
        break;
      }
      case 'endcallout':
        emit(`\n\n${indent}</aside>\n\n${indent}`);
        break;
      case 'capture':
        capture = { name: args, content: '' };
        break;
      case 'endcapture':
        if (capture) captures.set(capture.name, capture.content);
        capture = undefined;
        break;
      case 'comment':
        skipUntil = 'endcomment';
        break;
      case 'raw':
        skipUntil = 'endraw';
        break;
      case 'image': {
        const [path = '', ...caption] = args.split(/\s+/);
        const alt = caption.join(' ');
        const img = `<img src="${IMAGE_LINK}${escapeHtml(path)}" alt="${escapeHtml(alt)}">`;
        // A figure alone on its line is an HTML block: a blank line after it ends the block, so
        // the Markdown that follows (a nested list) is read as Markdown.
        emit(aloneOnLine(text, tag.begin, tag.end) ? `<figure class="figure">${img}${alt ? `<figcaption>${escapeHtml(alt)}</figcaption>` : ''}</figure>\n` : img);
        break;
      }
      case 'icon': {
        // Drawn by each writer from the Font Awesome 4.7 set; a name it does not have shows nothing.
        // Size, width and rotation classes after the name (`fa-lg fa-fw`, `fa-rotate-270`) go with it.
        const [name = '', ...classes] = args.split(/\s+/);
        const look = classes.filter((c) => ICON_CLASS.test(c)).map(escapeHtml);
        if (options.hasIcon(name)) emit(`<i class="${['icon', ...look].join(' ')}" data-icon="${escapeHtml(name)}"></i>`);
        else warnings.push({ offset: tag.begin, needle: raw, kind: 'unknown-icon', message: `{% icon ${args} %}: Font Awesome 4.7 has no icon "${name}"; it is left out (use a name from fontawesome.com/v4/icons)` });
        break;
      }
      case 'link': {
        const slug = /([^/]+)\.md$/.exec(args)?.[1];
        if (slug) emit(`${SITE_LINK}/article/${slug}/`);
        else warnings.push({ offset: tag.begin, needle: raw, kind: 'bad-link', message: `{% link ${args} %} names no article` });
        break;
      }
      default:
        // Control flow and other tags print nothing of their own; what they enclose stays.
        if (!/^(end)?(if|unless|for|case|when|else|elsif|assign|table)$/.test(tag.name)) {
          warnings.push({ offset: tag.begin, needle: raw, kind: 'unknown-liquid', message: `{% ${tag.name} %} is not known to handbook; it is left out` });
        }
    }
  }
  return { markdown: out, warnings };
}
