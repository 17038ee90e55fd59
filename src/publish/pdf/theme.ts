// Sizes and colours of the printed handbook, in points.
import type { TextStyle } from './text.ts';

export type PageSize = 'A4' | 'LETTER';

export interface Theme {
  readonly margin: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly body: TextStyle;
  readonly code: TextStyle;
  readonly small: TextStyle;
  readonly headings: Readonly<Record<number, TextStyle>>;
  readonly link: string;
  readonly paragraphGap: number;
  readonly listIndent: number;
  readonly callouts: ReadonlyMap<string, { readonly color: string }>;
  readonly rule: string;
  readonly codeBackground: string;
}

const text = '#1f2328';

export const THEME: Theme = {
  margin: { top: 62, bottom: 62, left: 60, right: 60 },
  body: { font: 'regular', size: 10, color: text },
  code: { font: 'mono', size: 8.5, color: '#24292f' },
  small: { font: 'regular', size: 8, color: '#57606a' },
  headings: {
    1: { font: 'bold', size: 20, color: '#0b3d91' },
    2: { font: 'bold', size: 15, color: '#0b3d91' },
    3: { font: 'bold', size: 12.5, color: text },
    4: { font: 'bold', size: 11, color: text },
    5: { font: 'bold', size: 10, color: text },
    6: { font: 'bold', size: 10, color: '#57606a' },
  },
  link: '#0550ae',
  paragraphGap: 6,
  listIndent: 18,
  callouts: new Map([
    ['info', { color: '#0969da' }],
    ['note', { color: '#0969da' }],
    ['tip', { color: '#1a7f37' }],
    ['success', { color: '#1a7f37' }],
    ['warning', { color: '#9a6700' }],
    ['danger', { color: '#cf222e' }],
    ['error', { color: '#cf222e' }],
  ]),
  rule: '#d0d7de',
  codeBackground: '#f3f4f6',
};
