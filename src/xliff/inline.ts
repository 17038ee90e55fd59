// Inline codes as XLIFF inline elements: one table per version, so every role maps somewhere.
import type { Code, CodeRole, Segment } from '../model/types.ts';
import { attributes, escapeText } from './xml.ts';

/** XLIFF 1.2 `ctype` of paired (`<g>`) and standalone (`<x/>`) codes. */
const CTYPE_12: Record<CodeRole, { pair: string; standalone: string }> = {
  strong: { pair: 'bold', standalone: 'x-strong' },
  emphasis: { pair: 'italic', standalone: 'x-emphasis' },
  delete: { pair: 'x-delete', standalone: 'x-delete' },
  link: { pair: 'link', standalone: 'x-link' },
  image: { pair: 'x-image', standalone: 'image' },
  code: { pair: 'x-code', standalone: 'x-code' },
  html: { pair: 'x-html', standalone: 'x-html' },
  liquid: { pair: 'x-liquid', standalone: 'x-liquid' },
  break: { pair: 'x-break', standalone: 'lb' },
  attributes: { pair: 'x-attributes', standalone: 'x-attributes' },
  control: { pair: 'x-control', standalone: 'x-control' },
};

/** XLIFF 2.0 `type` and `subType` of codes (`hb:` subtypes name the role, so a merge can recompute content ids). */
const TYPE_20: Record<CodeRole, { type: string; subType?: string }> = {
  strong: { type: 'fmt', subType: 'xlf:b' },
  emphasis: { type: 'fmt', subType: 'xlf:i' },
  delete: { type: 'fmt', subType: 'hb:delete' },
  link: { type: 'link' },
  image: { type: 'image' },
  code: { type: 'other', subType: 'hb:code' },
  html: { type: 'other', subType: 'hb:html' },
  liquid: { type: 'other', subType: 'hb:liquid' },
  break: { type: 'fmt', subType: 'xlf:lb' },
  attributes: { type: 'other', subType: 'hb:attributes' },
  control: { type: 'other', subType: 'hb:control' },
};

/** `<g>`/`<x/>` markup of segments for XLIFF 1.2. */
export function inline12(segments: readonly Segment[]): string {
  return segments
    .map((segment) => {
      if (segment.type === 'text') return escapeText(segment.value);
      const ctype = CTYPE_12[segment.role];
      if (segment.kind === 'close') return '</g>';
      if (segment.kind === 'open') return `<g${attributes({ id: segment.id, ctype: ctype.pair, 'equiv-text': segment.display })}>`;
      return `<x${attributes({ id: segment.id, ctype: ctype.standalone, 'equiv-text': segment.display })}/>`;
    })
    .join('');
}

/**
 * Codes as `<bpt>`/`<ept>`/`<ph>` holding their readable stand-in as content, for tools that turn
 * XLIFF into plain text (translate-toolkit's xliff2po keeps element text and drops empty
 * elements): the PO entry then reads `Select **Settings**`, and merge finds the codes again in the text.
 */
export function inlineText12(segments: readonly Segment[]): string {
  return segments
    .map((segment) => {
      if (segment.type === 'text') return escapeText(segment.value);
      const ctype = CTYPE_12[segment.role];
      if (segment.kind === 'close') return `<ept${attributes({ id: segment.id })}>${escapeText(segment.display)}</ept>`;
      if (segment.kind === 'open') return `<bpt${attributes({ id: segment.id, ctype: ctype.pair })}>${escapeText(segment.display)}</bpt>`;
      return `<ph${attributes({ id: segment.id, ctype: ctype.standalone })}>${escapeText(segment.display)}</ph>`;
    })
    .join('');
}

/** Ids of `<data>` elements: one per code end, so `<originalData>` keeps every byte. */
export function dataId(code: Code): string {
  return code.kind === 'close' ? `d${code.id}e` : `d${code.id}`;
}

/** `<pc>`/`<ph/>` markup of segments for XLIFF 2.0; `withData` points codes at `<originalData>`. */
export function inline20(segments: readonly Segment[], withData = true): string {
  const openings = new Map<number, Code>();
  for (const segment of segments) if (segment.type === 'code' && segment.kind === 'open') openings.set(segment.id, segment);
  const closings = new Map<number, Code>();
  for (const segment of segments) if (segment.type === 'code' && segment.kind === 'close') closings.set(segment.id, segment);
  return segments
    .map((segment) => {
      if (segment.type === 'text') return escapeText(segment.value);
      const { type, subType } = TYPE_20[segment.role];
      const locked = { canCopy: 'no', canDelete: 'no' };
      if (segment.kind === 'close') return '</pc>';
      if (segment.kind === 'open') {
        const closing = closings.get(segment.id)!;
        const data = withData ? { dataRefEnd: dataId(closing), dataRefStart: dataId(segment) } : {};
        return `<pc${attributes({ id: segment.id, ...locked, ...data, dispEnd: closing.display, dispStart: segment.display, subType, type })}>`;
      }
      return `<ph${attributes({ id: segment.id, ...locked, ...(withData ? { dataRef: dataId(segment) } : {}), disp: segment.display, subType, type })}/>`;
    })
    .join('');
}

/** `<originalData>` of a unit's codes, or nothing when it has none. */
export function originalData20(segments: readonly Segment[]): string {
  const data = segments
    .filter((s): s is Code => s.type === 'code')
    .map((code) => `<data id="${dataId(code)}">${escapeText(code.data)}</data>`);
  return data.length === 0 ? '' : `<originalData>${data.join('')}</originalData>`;
}
