// The handbook's stylesheet, inlined in every file: reads on screen, prints on paper, works right to left.
export const HANDBOOK_CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --accent: #175ddc; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 2rem 1.5rem 4rem; font: 16px/1.6 system-ui, "Noto Sans", "Noto Sans CJK JP", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif; color: var(--ink); overflow-wrap: break-word; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 .5em; }
a { color: var(--accent); }
img { max-width: 100%; height: auto; }
code, kbd, pre { font-family: ui-monospace, "Noto Sans Mono", monospace; font-size: .9em; }
code { background: #f1f3f7; padding: .1em .3em; border-radius: 3px; }
pre { background: #f1f3f7; padding: .8em 1em; overflow-x: auto; border-radius: 4px; direction: ltr; text-align: left; }
pre code { background: none; padding: 0; }
:not(pre) > code, kbd { direction: ltr; unicode-bidi: isolate; }
/* A long identifier or URL in inline code, or on a phone in a table cell, breaks where it must: the page never scrolls sideways. */
:not(pre) > code { overflow-wrap: anywhere; }
@media (max-width: 40rem) { th, td { overflow-wrap: anywhere; } }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 .3em; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: .95em; }
th, td { border: 1px solid var(--line); padding: .4em .6em; text-align: start; vertical-align: top; }
th { background: #f6f7fa; }
.title-page { border-bottom: 3px solid var(--accent); padding-bottom: 1.5rem; margin-bottom: 2rem; }
.handbook-title { font-size: 2.4rem; margin: .2em 0; }
.kicker, .meta { color: var(--muted); margin: .2em 0; }
.toc ol { padding-inline-start: 1.4em; }
.toc ol ol { font-size: .95em; }
.toc ol ol ol { list-style: circle; }
.article { border-top: 1px solid var(--line); margin-top: 3rem; }
.notice { background: #fff7e0; border-inline-start: 4px solid #d89b00; padding: .6em .9em; }
.callout { border-inline-start: 4px solid var(--accent); background: #eef4ff; padding: .2em 1em; margin: 1em 0; border-radius: 3px; }
.callout[data-callout="success"], .callout[data-callout="tip"] { border-color: #2e8540; background: #edf7ef; }
.callout[data-callout="warning"], .callout[data-callout="danger"] { border-color: #d83a00; background: #fff1eb; }
.callout-label { font-weight: 600; margin: .6em 0 .2em; }
.figure { margin: 1.2em 0; text-align: center; }
figcaption { color: var(--muted); font-size: .9em; }
figure.missing { border: 1px dashed var(--line); border-radius: 4px; padding: .6em 1em; margin: 1.2em 0; text-align: center; }
.tabs { margin: 1em 0; }
.tab { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 1em; padding: 0 1em .2em; }
.tab-title { margin: 0 -1em .8em; padding: .35em 1em; background: #f6f7fa; border-bottom: 1px solid var(--line); font-weight: 600; }
svg.icon { vertical-align: -.125em; }
svg.icon.fa-lg { vertical-align: -.22em; }
svg.icon.fa-rotate-90 { transform: rotate(90deg); }
svg.icon.fa-rotate-180 { transform: rotate(180deg); }
svg.icon.fa-rotate-270 { transform: rotate(270deg); }
/* Printed (Chromium's page.pdf, a browser's print without its own margins), text keeps clear of the paper's edge; the page size is the printer's. */
@page { size: auto; margin: 2cm 1.8cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .toc { page-break-after: always; }
  .article { page-break-before: always; border: 0; margin: 0; }
  a { color: inherit; text-decoration: none; }
  pre, table, figure, .callout { page-break-inside: avoid; }
  .tab-title { break-after: avoid; }
}
`;
