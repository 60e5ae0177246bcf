/**
 * The segment tree as a Mermaid flowchart (the topology view, as HTML draws
 * it), for Markdown: GitHub and most Markdown viewers draw it. Node ids are
 * camsize's own (s0, s1 …, f3 for a fold); every name and figure in a label
 * is written in Mermaid's entity codes (#35; for '#') except letters, digits
 * and a few plain signs, so that no name can end a label, a line or the
 * code block, or be read as Markdown or HTML.
 */
import type { RenderOptions } from '../view.js';
import type { TopologyNode, TopologyView } from '../views/topology.js';
import { humanCount, utilizationText } from '../wording/quantities.js';
import { arrow } from '../columns/directions.js';

/** Text in a quoted Mermaid label: letters, digits, spaces and . , - / _ as they are; anything else as #code; (decimal). */
export function mermaidText(text: string): string {
  let out = '';
  for (const char of text) out += /[\p{L}\p{N} .,\-/_]/u.test(char) ? char : `#${char.codePointAt(0)};`;
  return out;
}

/** A label of lines (escaped, each on its own line of the node). */
const label = (...lines: string[]) =>
  `"${lines
    .filter((l) => l !== '')
    .map(mermaidText)
    .join('<br/>')}"`;

const TONES = {
  over: 'fill:#ffebe9,stroke:#cf222e,color:#1b1f24',
  near: 'fill:#fff8c5,stroke:#bf8700,color:#1b1f24',
  ok: 'fill:#dafbe1,stroke:#1a7f37,color:#1b1f24',
  none: 'fill:#f6f8fa,stroke:#8c959f,color:#1b1f24',
  fold: 'fill:#ffffff,stroke:#8c959f,stroke-dasharray:4 3,color:#57606a',
} as const;
const LINK_STYLE = {
  over: 'stroke:#cf222e,stroke-width:3px',
  near: 'stroke:#bf8700,stroke-width:3px',
  ok: 'stroke:#1a7f37,stroke-width:2px',
};

function nodeLabel(node: TopologyNode, options: RenderOptions): string {
  if (node.kind === 'fold') {
    const state =
      node.over > 0 ? `${humanCount(BigInt(node.over))} over` : node.busiest ? `busiest ${utilizationText(node.busiest, options)}` : '';
    return label(
      `+${humanCount(BigInt(node.segments))} more ${node.segments === 1 ? 'segment' : 'segments'}`,
      `${humanCount(node.cameras)} cameras`,
      state,
    );
  }
  const row = node.row;
  const extras = [
    node.recorders.length > 0 ? `recorders: ${node.recorders.join(', ')}` : '',
    row.viewers ? `${humanCount(row.viewers.stations)} viewing ${row.viewers.stations === 1n ? 'station' : 'stations'}` : '',
    row.storage?.fits === false ? 'storage over' : '',
    node.below
      ? `+${humanCount(BigInt(node.below.segments))} below${node.below.over > 0 ? ` (${humanCount(BigInt(node.below.over))} over)` : ''}`
      : '',
  ];
  return label(node.name, `${humanCount(row.cameras)} cameras`, ...extras);
}

/** The link into a node, as its edge's label: the check's utilisation and direction. */
function linkLabel(node: TopologyNode, options: RenderOptions): string {
  if (node.kind === 'fold' || !node.row.link) return '';
  const d = node.row.linkDirection;
  const direction = d === 'shared' ? ' shared' : d ? ` ${arrow(d, options)}` : '';
  return `|${label(`${utilizationText(node.row.link, options)}${direction}`)}|`;
}

export function mermaidFlowchart(view: TopologyView, options: RenderOptions): string {
  const root = view.nodes[0];
  const withHead =
    root?.kind === 'segment' && (root.row.link !== undefined || root.row.loadBitsPerSecond > 0n || view.headEndCameras !== undefined);
  const id = (i: number) => (view.nodes[i]?.kind === 'fold' ? `f${i}` : `s${i}`);
  const lines = ['flowchart LR'];
  const records = view.headEndCameras === undefined ? '' : `records ${humanCount(view.headEndCameras)} cameras`;
  if (withHead) lines.push(`  h[${label('head end', records)}]`);
  const classes: Record<keyof typeof TONES, string[]> = { over: [], near: [], ok: [], none: [], fold: [] };
  const linkStyles: string[] = [];
  let edges = 0;
  view.nodes.forEach((node, i) => {
    lines.push(`  ${id(i)}[${nodeLabel(node, options)}]`);
    const from = node.parent >= 0 ? id(node.parent) : withHead ? 'h' : undefined;
    if (from !== undefined) {
      lines.push(`  ${from} -->${linkLabel(node, options)} ${id(i)}`);
      if (node.kind === 'segment' && node.tone !== 'none') linkStyles.push(`  linkStyle ${edges} ${LINK_STYLE[node.tone]}`);
      edges++;
    }
    classes[node.kind === 'fold' ? 'fold' : node.over ? 'over' : node.tone].push(id(i));
  });
  for (const [tone, style] of Object.entries(TONES)) lines.push(`  classDef ${tone} ${style}`);
  for (const [tone, ids] of Object.entries(classes)) if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${tone}`);
  return ['```mermaid', ...lines, ...linkStyles, '```'].join('\n');
}
