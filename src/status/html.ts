// `handbook status --html`: one self-contained page (inline CSS, no scripts, no external
// resources) showing where each language stands: a stacked bar per language, then a
// language × category heat map. Every string from the report is escaped.
import type { CategoryStatus, LanguageStatus, StatusCell, StatusReport } from './report.ts';

/** The four parts of a bar, in order, by words. */
const PARTS = [
  { key: 'reviewed', label: 'reviewed' },
  { key: 'translated', label: 'translated, not reviewed' },
  { key: 'outdated', label: 'outdated' },
  { key: 'untranslated', label: 'untranslated' },
] as const;

type Part = (typeof PARTS)[number]['key'];

/** Heat map colours, evenly spaced from 0 % (red) through amber (50 %) to 100 % (green); all light enough for dark text. */
const HEAT: readonly (readonly [number, number, number])[] = [
  [0xef, 0x8a, 0x80],
  [0xf4, 0xa6, 0x6a],
  [0xf5, 0xc4, 0x51],
  [0xbc, 0xd4, 0x6a],
  [0x6c, 0xc4, 0x7f],
];

const STYLE = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #555;
  --reviewed: #1f7a3a; --translated: #8fd19e; --outdated: #e9a820; --untranslated: #e4e7eb; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1.5rem; max-width: 72rem; color: var(--text); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
h2 { margin: 2rem 0 .5rem; font-size: 1.15rem; }
.meta { margin: 0; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; margin: 0 0 .75rem; padding: 0; list-style: none; font-size: .875rem; }
.legend li { display: flex; align-items: center; gap: .4rem; }
.swatch { display: inline-block; width: 1.1rem; height: .8rem; border-radius: 2px; border: 1px solid rgb(0 0 0 / .15); }
.reviewed { background: var(--reviewed); }
.translated { background: var(--translated); }
.outdated { background: repeating-linear-gradient(135deg, var(--outdated) 0 4px, #f6d58a 4px 7px); }
.untranslated { background: var(--untranslated); }
.bars { display: grid; grid-template-columns: max-content minmax(10rem, 1fr) max-content; gap: 0 .75rem; align-items: center; }
.bars > .language { font-weight: 600; }
.track { display: flex; height: 1.25rem; border-radius: 3px; overflow: hidden; background: var(--untranslated); }
.track > span { display: block; height: 100%; }
.percent { font-weight: 700; text-align: right; font-variant-numeric: tabular-nums; min-width: 3.6em; }
.figures { grid-column: 2 / 4; margin: .1rem 0 .7rem; font-size: .8rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.figures span { white-space: nowrap; }
.scale { display: flex; align-items: center; gap: .5rem; margin: 0 0 .75rem; font-size: .875rem; color: var(--muted); }
.scale .gradient { width: 10rem; height: .8rem; border-radius: 2px;
  background: linear-gradient(to right, ${HEAT.map((c) => `rgb(${c.join(' ')})`).join(', ')}); }
.scroll { overflow-x: auto; max-width: 100%; }
.heat { border-collapse: separate; border-spacing: 2px; font-variant-numeric: tabular-nums; }
.heat th { font-size: .8rem; font-weight: 600; vertical-align: bottom; text-align: center; padding: .25rem .35rem;
  min-width: 5rem; max-width: 8.5rem; overflow-wrap: break-word; hyphens: auto; }
.heat th:first-child { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left; min-width: 0; font-size: .9rem; }
.heat td { padding: .3rem .5rem; text-align: center; color: var(--text); border-radius: 2px; white-space: nowrap; }
.heat td.empty { background: #f3f4f6; color: var(--muted); }
.heat .total { font-weight: 700; }
.heat td.total { outline: 2px solid rgb(0 0 0 / .35); outline-offset: -2px; }
`;

const INTEGER = new Intl.NumberFormat('en-US');
const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Escapes text for HTML element content and quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatPercent(percent: number): string {
  return `${PERCENT.format(percent)}%`;
}

function formatDate(generated: string): string {
  const date = new Date(generated);
  return Number.isNaN(date.getTime()) ? generated : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Words in each part of a bar; they add up to total.words. */
function partWords(cell: StatusCell): Record<Part, number> {
  return {
    reviewed: cell.reviewed.words,
    translated: Math.max(0, cell.translated.words - cell.reviewed.words),
    outdated: cell.outdated.words,
    untranslated: cell.untranslated.words,
  };
}

/** The heat colour for a percentage, as #rrggbb. */
function heatColour(percent: number): string {
  const p = (Math.min(100, Math.max(0, percent)) / 100) * (HEAT.length - 1);
  const i = Math.min(HEAT.length - 2, Math.floor(p));
  const f = p - i;
  const rgb = HEAT[i]!.map((from, c) => Math.round(from + (HEAT[i + 1]![c]! - from) * f));
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function renderHeader(report: StatusReport): string {
  const date = escapeHtml(report.generated);
  return `<header>
<h1>Translation status</h1>
<p class="meta">Source language <strong>${escapeHtml(report.sourceLanguage)}</strong> · generated <time datetime="${date}">${escapeHtml(formatDate(report.generated))}</time> · ${report.languages.length} languages</p>
</header>`;
}

function renderLegend(): string {
  const items = PARTS.map((p) => `<li><span class="swatch ${p.key}"></span>${p.label}</li>`).join('');
  return `<ul class="legend" aria-label="Legend">${items}</ul>`;
}

function renderBar(language: LanguageStatus): string {
  const words = partWords(language);
  const total = language.total.words;
  const segments = PARTS.filter((p) => words[p.key] > 0)
    .map((p) => `<span class="${p.key}" style="width:${+((words[p.key] / total) * 100).toFixed(3)}%"></span>`)
    .join('');
  const detail = PARTS.map((p) => `<span>${p.label} ${INTEGER.format(words[p.key])}</span>`).join(' · ');
  const name = escapeHtml(language.language);
  return `<div class="language">${name}</div>
<div class="track" data-language="${name}" aria-hidden="true">${segments}</div>
<div class="percent">${formatPercent(language.percent)}</div>
<div class="figures"><span>${INTEGER.format(language.translated.words)} of ${INTEGER.format(total)} words translated:</span> ${detail}</div>`;
}

function renderBars(report: StatusReport): string {
  return `<section>
<h2>Translated words per language</h2>
${renderLegend()}
<div class="bars">
${report.languages.map(renderBar).join('\n')}
</div>
</section>`;
}

/** Category ids and titles in order of first appearance across languages. */
function columns(report: StatusReport): Map<string, string> {
  const seen = new Map<string, string>();
  for (const language of report.languages) {
    for (const c of language.categories) if (!seen.has(c.category)) seen.set(c.category, c.title);
  }
  return seen;
}

function renderHeatCell(language: string, title: string, cell: StatusCell | undefined, total = false): string {
  const classes = (empty: boolean) => {
    const names = [empty && 'empty', total && 'total'].filter(Boolean);
    return names.length > 0 ? ` class="${names.join(' ')}"` : '';
  };
  if (!cell || cell.total.words === 0) return `<td${classes(true)} title="${escapeHtml(`${language} · ${title}: nothing to translate`)}">—</td>`;
  const tip = `${language} · ${title}: ${INTEGER.format(cell.translated.words)} of ${INTEGER.format(cell.total.words)} words translated, ${INTEGER.format(cell.reviewed.words)} reviewed, ${INTEGER.format(cell.outdated.words)} outdated`;
  return `<td${classes(false)} style="background:${heatColour(cell.percent)}" title="${escapeHtml(tip)}">${formatPercent(cell.percent)}</td>`;
}

function renderHeatRow(language: LanguageStatus, categories: Map<string, string>): string {
  const byId = new Map<string, CategoryStatus>(language.categories.map((c) => [c.category, c]));
  const cells = [...categories].map(([id, title]) => renderHeatCell(language.language, title, byId.get(id)));
  cells.push(renderHeatCell(language.language, 'all categories', language, true));
  return `<tr><th scope="row">${escapeHtml(language.language)}</th>${cells.join('')}</tr>`;
}

function renderHeatMap(report: StatusReport): string {
  const categories = columns(report);
  const headers = [...categories.values()].map((title) => `<th scope="col">${escapeHtml(title)}</th>`).join('');
  return `<section>
<h2>Translated words per language and category</h2>
<div class="scale"><span>0%</span><span class="gradient"></span><span>100%</span></div>
<div class="scroll">
<table class="heat">
<thead><tr><th scope="col">Language</th>${headers}<th scope="col" class="total">Total</th></tr></thead>
<tbody>
${report.languages.map((l) => renderHeatRow(l, categories)).join('\n')}
</tbody>
</table>
</div>
</section>`;
}

/** The status report as one self-contained HTML5 page. */
export function renderStatusHtml(report: StatusReport): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Translation status (${escapeHtml(report.sourceLanguage)})</title>
<style>${STYLE}</style>
</head>
<body>
${renderHeader(report)}
${renderBars(report)}
${renderHeatMap(report)}
</body>
</html>
`;
}
