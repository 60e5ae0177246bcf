/**
 * The HTML report's one style sheet, inline (the page loads nothing): light
 * and dark by prefers-color-scheme, and a print style (light, the charts'
 * colours kept, tables not split mid-row, the hourly values shown).
 */
export const STYLE = `
:root {
  color-scheme: light dark;
  --ink: #1b1f24; --muted: #57606a; --paper: #ffffff; --panel: #f6f8fa; --rule: #d0d7de;
  --accent: #0a5bd3; --good: #1a7f37; --good-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9;
  --neutral-bg: #eaeef2; --bar: #2f6fd6; --peak: #9a6700; --night: #eef1f6; --track: #e3e8ee;
  --warn: #bf8700; --none: #8c959f;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e6edf3; --muted: #9da7b3; --paper: #0d1117; --panel: #161b22; --rule: #30363d;
    --accent: #58a6ff; --good: #3fb950; --good-bg: #12261e; --bad: #ff7b72; --bad-bg: #2d1214;
    --neutral-bg: #21262d; --bar: #4c8ff0; --peak: #d29922; --night: #1c2330; --track: #2a313b;
    --warn: #d29922; --none: #6e7681;
  }
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body {
  margin: 0 auto; max-width: 72rem; padding: 2rem 1.5rem 3rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
header { border-bottom: 2px solid var(--rule); margin-bottom: 1.5rem; }
.kicker { margin: 0; color: var(--muted); font-size: 0.85rem; letter-spacing: 0.06em; text-transform: uppercase; }
dl.meta { display: flex; flex-wrap: wrap; gap: 0.2rem 1.6rem; margin: 0 0 0.9rem; font-size: 0.9rem; }
dl.meta dt { color: var(--muted); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; }
dl.meta dd { margin: 0; font-weight: 600; }
h1 { margin: 0.1rem 0 0.8rem; font-size: 1.9rem; line-height: 1.2; }
h2 { margin: 2.2rem 0 0.6rem; font-size: 1.3rem; break-after: avoid; }
h3 { margin: 1.4rem 0 0.4rem; font-size: 1.05rem; break-after: avoid; }
p { margin: 0.4rem 0; }
code { font: 0.9em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
a { color: var(--accent); }
.verdict { margin: 0 0 0.8rem; padding: 0.9rem 1.1rem; border-radius: 8px; border: 1px solid; font-size: 1.1rem; }
.verdict strong { font-size: 1.25rem; margin-right: 0.3rem; }
.verdict.pass { color: var(--good); background: var(--good-bg); }
.verdict.fail { color: var(--bad); background: var(--bad-bg); }
.verdict.unchecked { color: var(--muted); background: var(--neutral-bg); }
.failures { margin: 0 0 1rem; padding-left: 1.3rem; color: var(--bad); }
.failures li { margin: 0.2rem 0; }
.figures { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0 0 1rem; padding: 0; }
.figures div { flex: 1 1 11rem; padding: 0.6rem 0.9rem; background: var(--panel); border: 1px solid var(--rule); border-radius: 8px; }
.figures dt { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
.figures dd { margin: 0; font-size: 1.2rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.sentences p.settings, .note { color: var(--muted); font-size: 0.92rem; }
.sentences p.capacity, .sentences p.total, .sentences p.storage { font-weight: 600; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.4rem 0 0.6rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.32rem 0.7rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { background: var(--panel); text-align: left; font-size: 0.9em; border-bottom: 2px solid var(--rule); }
th.right, td.right { text-align: right; }
/* A number keeps to one line with its unit; names and descriptions wrap between words (a name after - or / too). */
td { white-space: nowrap; }
td.wraps-text, td.wraps-name { white-space: normal; overflow-wrap: normal; word-break: normal; }
td.wraps-text { min-width: 6em; }
td.indented { padding-left: calc(0.7rem + var(--indent) * 1.2rem); }
.only-narrow, .only-wide, .only-print { display: none; }
@media screen and (max-width: 1151.98px) { .drop-narrow { display: none; } p.only-narrow { display: block; } }
@media screen and (min-width: 1152px) { .drop-wide { display: none; } p.only-wide { display: block; } }
tbody tr:nth-child(even) td { background: color-mix(in srgb, var(--panel) 60%, transparent); }
td.good { color: var(--good); font-weight: 600; }
td.bad { color: var(--bad); font-weight: 700; }
td.strong { font-weight: 700; }
svg.gauge { display: block; width: 5rem; height: 0.5rem; margin: 0.25rem 0 0 auto; }
svg.gauge .track { fill: var(--track); }
svg.gauge .fill { fill: var(--good); }
svg.gauge.over .fill { fill: var(--bad); }
svg.gauge .limit { stroke: var(--ink); stroke-width: 1.2; }
figure { margin: 0.6rem 0 0.4rem; }
svg.chart { display: block; width: 100%; max-width: 52rem; height: auto; }
svg.chart text { fill: var(--muted); font: 11px system-ui, "DejaVu Sans", sans-serif; }
svg.chart .night { fill: var(--night); }
svg.chart .bar { fill: var(--bar); }
svg.chart .peak { stroke: var(--peak); stroke-width: 2; }
svg.chart .axis { stroke: var(--rule); }
svg.chart .limit { stroke: var(--bad); stroke-width: 1.2; stroke-dasharray: 5 3; }
svg.chart .grid { stroke: var(--rule); stroke-dasharray: 2 3; }
svg.chart .axis { stroke: var(--muted); }
svg.topology { display: block; width: 100%; max-width: 50rem; height: auto; }
svg.topology text, svg.bars text, svg.heatmap text { fill: var(--ink); font: 11px system-ui, "DejaVu Sans", sans-serif; }
svg.topology .name { font-weight: 600; font-size: 12px; }
svg.topology .util, svg.topology .note, svg.topology .below, svg.bars .value, svg.heatmap .hour { fill: var(--muted); }
svg.topology .box { fill: var(--panel); stroke: var(--rule); }
svg.topology .box.head { fill: var(--neutral-bg); }
svg.topology .box.fold { fill: none; stroke: var(--none); stroke-dasharray: 4 3; }
svg.topology .node.over > .box { stroke: var(--bad); stroke-width: 2; }
svg.topology .wire { stroke: var(--none); fill: none; }
svg.topology .link { fill: none; stroke-width: 3; }
svg.topology .stripe, .swatch { fill: var(--none); background: var(--none); }
svg.topology .tone-over > .stripe, .swatch.tone-over, svg.heatmap .tone-over { fill: var(--bad); background: var(--bad); }
svg.topology .tone-near > .stripe, .swatch.tone-near, svg.heatmap .tone-near { fill: var(--warn); background: var(--warn); }
svg.topology .tone-ok > .stripe, .swatch.tone-ok, svg.heatmap .tone-ok { fill: var(--good); background: var(--good); }
svg.topology .link.tone-over { stroke: var(--bad); }
svg.topology .link.tone-near { stroke: var(--warn); }
svg.topology .link.tone-ok { stroke: var(--good); }
svg.topology .link.tone-none { stroke: var(--none); stroke-width: 1; stroke-dasharray: 4 3; }
svg.topology .glyph rect { fill: var(--paper); stroke: var(--ink); }
svg.topology .glyph line { stroke: var(--ink); }
.swatch, .legend-glyph { display: inline-block; width: 0.8rem; height: 0.8rem; margin: 0 0.25rem -0.1rem 0.6rem; border-radius: 2px; }
.swatch.fold { background: none; border: 1px dashed var(--none); }
.legend-glyph { border: 1.5px solid var(--ink); background: var(--paper); height: 0.65rem; }
svg.bars, svg.heatmap { display: block; width: 100%; max-width: 50rem; height: auto; }
svg.bars .track { fill: var(--track); }
svg.bars .fill { fill: var(--good); }
svg.bars .over .fill { fill: var(--bad); }
svg.bars .over .value { fill: var(--bad); font-weight: 600; }
svg.bars .limit { stroke: var(--ink); stroke-width: 1.5; }
p.constant-day { font-weight: 600; }
svg.chart text.limit-label { fill: var(--bad); paint-order: stroke; stroke: var(--paper); stroke-width: 3px; }
figcaption { color: var(--muted); font-size: 0.88rem; }
.legend-bar, .legend-peak, .legend-night { display: inline-block; width: 0.8rem; height: 0.8rem; margin: 0 0.25rem -0.1rem 0.6rem; }
.legend-bar { background: var(--bar); }
.legend-peak { border-top: 2px solid var(--peak); height: 0; }
.legend-night { background: var(--night); border: 1px solid var(--rule); }
.legend-limit { display: inline-block; width: 0.9rem; margin: 0 0.25rem 0.2rem 0.6rem; border-top: 2px dashed var(--bad); }
details summary { cursor: pointer; color: var(--accent); margin: 0.3rem 0; }
ol.sources li { margin: 0.3rem 0; }
.basis { color: var(--muted); font-size: 0.9rem; }
footer { margin-top: 2.5rem; padding-top: 0.8rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.88rem; }
footer code { color: var(--ink); overflow-wrap: anywhere; }
@media print {
  :root {
    color-scheme: light;
    --ink: #000; --muted: #444; --paper: #fff; --panel: #f2f2f2; --rule: #bbb; --accent: #0645ad;
    --good: #1a7f37; --good-bg: #e6f4ea; --bad: #b3261e; --bad-bg: #fde8e6; --neutral-bg: #eee;
    --bar: #2f6fd6; --peak: #9a6700; --night: #eceff3; --track: #e3e3e3;
  }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .scroll { overflow: visible; }
  .drop-print { display: none; }
  p.only-print { display: block; }
  /* A wide table fits the page: smaller type, the columns that may go left out (html/fit.ts); a number keeps its unit. */
  table { font-size: 8.5pt; width: 100%; }
  th, td { padding: 0.15em 0.35em; }
  td.wraps-text, td.wraps-name { min-width: 4em; }
  td.indented { padding-left: calc(0.35em + var(--indent) * 0.9em); }
  svg.gauge { width: 100%; max-width: 5rem; }
  svg.topology { max-width: none; break-inside: avoid; }
  header { border-bottom-width: 1px; }
  thead { display: table-header-group; }
  tr, figure, .verdict, .figures div, svg.bars, svg.heatmap { break-inside: avoid; }
  details > summary { display: none; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; color: var(--muted); overflow-wrap: anywhere; }
}
`;
