/**
 * The documents' view-model steps (render/views/) and the escaping of every
 * name they draw: the topology's choice of segments and its folds (on wide and
 * 1,000-level trees, without recursion), the day's scale and choice of segment,
 * links × hours, and text in Mermaid labels and CSS strings.
 */
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/core/model/fleet.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { cssString } from '../../src/render/formats/html/document.js';
import { mermaidFlowchart, mermaidText } from '../../src/render/formats/mermaid.js';
import { NO_PAINT } from '../../src/render/view.js';
import { dayView, niceTicks } from '../../src/render/views/day.js';
import { TOPOLOGY_LIMIT, topologyView } from '../../src/render/views/topology.js';
import { group, mbps, segment } from '../helpers/fleet.js';

const wide = (sites: number, link: (i: number) => bigint | undefined): Segment =>
  segment(
    'wide',
    [],
    Array.from({ length: sites }, (_, i) =>
      segment(`site-${i}`, [group(mbps(4), 10 + (i % 7))], [segment('sw', [group(mbps(4), 1)])], link(i)),
    ),
  );

describe('the topology view', () => {
  it('draws every segment of a small tree, in pre-order, with its tone', () => {
    const report = sizeFleet({ name: 'small', root: wide(3, (i) => (i === 1 ? mbps(50) : mbps(1000))) });
    const view = topologyView(report);
    expect(view.nodes.map((n) => (n.kind === 'segment' ? `${n.depth}:${n.name}:${n.tone}` : 'fold'))).toEqual([
      '0:small:none',
      '1:site-0:ok',
      '2:sw:none',
      '1:site-1:over',
      '2:sw:none',
      '1:site-2:ok',
      '2:sw:none',
    ]);
    expect([view.shown, view.total]).toEqual([7, 7]);
  });

  it('above the limit draws the failing and the busiest first, then the shallowest, and counts the rest', () => {
    // 300 sites (601 segments): every 50th on a link too small.
    const report = sizeFleet({ name: 'big', root: wide(300, (i) => (i % 50 === 49 ? mbps(10) : mbps(100))) });
    const view = topologyView(report);
    expect(view.shown).toBe(TOPOLOGY_LIMIT);
    const drawn = view.nodes.filter((n) => n.kind === 'segment');
    for (const i of [49, 99, 149, 199, 249, 299]) expect(drawn.some((n) => n.name === `site-${i}` && n.tone === 'over')).toBe(true);
    // What is not drawn is counted, once: the folds and the +N of segments whose children are all folded.
    const folded = view.nodes.reduce((sum, n) => sum + (n.kind === 'fold' ? n.segments : n.below ? n.below.segments : 0), 0);
    expect(view.shown + folded).toBe(report.segments.length);
    const cameras = view.nodes.reduce((sum, n) => sum + (n.kind === 'fold' ? n.cameras : 0n), 0n);
    const drawnSites = new Set(drawn.filter((n) => n.depth === 1).map((n) => n.name));
    const hidden = report.segments.filter((s) => s.depth === 1 && !drawnSites.has(s.path[0]!)).reduce((sum, s) => sum + s.cameras, 0n);
    expect(cameras).toBe(hidden);
  });

  it('walks a tree 1,000 levels deep without recursion, and draws it within the limit', () => {
    let chain: Segment = segment('l1000', [group(mbps(2), 1)], [], mbps(1));
    for (let level = 999; level >= 1; level--) chain = segment(`l${level}`, [], [chain], mbps(1000));
    const report = sizeFleet({ name: 'deep', root: segment('deep', [], [chain]) });
    const view = topologyView(report);
    expect(view.shown).toBe(TOPOLOGY_LIMIT);
    expect(view.nodes.at(-1)).toMatchObject({ kind: 'segment', below: { segments: 1001 - TOPOLOGY_LIMIT } });
    // The Mermaid flowchart of it: one node line per drawn segment, nothing else from user text.
    const chart = mermaidFlowchart(view, { paint: NO_PAINT });
    expect(chart.split('\n').filter((l) => /^ {2}s\d+\[/.test(l))).toHaveLength(TOPOLOGY_LIMIT);
  });
});

describe('the day', () => {
  it('rounds its scale to 1, 2, 2.5 or 5 × 10^k from zero', () => {
    expect(niceTicks(1_104_000_000n)).toEqual([0n, 500_000_000n, 1_000_000_000n, 1_500_000_000n]);
    expect(niceTicks(16_036_000n)).toEqual([0n, 5_000_000n, 10_000_000n, 15_000_000n, 20_000_000n]);
    expect(niceTicks(90n)).toEqual([0n, 25n, 50n, 75n, 100n]);
    expect(niceTicks(0n)).toEqual([0n, 1n]);
  });

  it('is one sentence when flat, and the busiest link when the fleet records in its sites', () => {
    const flat = sizeFleet({ name: 'flat', root: wide(2, () => mbps(1000)) });
    expect(dayView(flat, undefined)).toMatchObject({ kind: 'constant', path: '', bitsPerSecond: flat.total.loadBitsPerSecond });
    expect(dayView(flat, 'site-1')).toMatchObject({ kind: 'constant', path: 'site-1' });
    expect(dayView(flat, 'nowhere')).toBeUndefined();
  });
});

describe('names in documents are text', () => {
  it.each([
    ['plain name-1/2_3.4', 'plain name-1/2_3.4'],
    ['a"b', 'a#34;b'],
    ['#quot;', '#35;quot#59;'],
    ['```\nend', '#96;#96;#96;#10;end'],
    ['<b>x</b> %% --> |y|', '#60;b#62;x#60;/b#62; #37;#37; --#62; #124;y#124;'],
    ['Zürich 東京', 'Zürich 東京'],
    ['😀', '#128512;'],
  ])('Mermaid: %j → %j', (text, label) => {
    expect(mermaidText(text)).toBe(label);
  });

  it('CSS strings escape everything that could end them, their rule or their style element', () => {
    expect(cssString('Campus "east" </style><script>')).toBe('"Campus \\22 east\\22  \\3c \\2f style\\3e \\3c script\\3e "');
    expect(cssString('a\\b\nc')).toBe('"a\\5c b\\a c"');
  });
});
