/**
 * The rest of a camera switch: its ports and its PoE budget. A segment with
 * a "link", "ports" or "poe" is a device of its own: it takes one port of its
 * parent's switch (its uplink) and draws no PoE from it. A segment with none
 * of them (a room, a group of cameras with their own settings) is part of its
 * parent's switch: its cameras, and what is below it, count there. Cameras use
 * one port each and draw their "poe" at it; a PoE budget with a camera whose
 * draw is not given is refused (a check that leaves cameras out would pass wrongly).
 */
import { InputError } from '../../diagnostics/errors.js';
import type { Segment } from '../../model/fleet.js';
import type { PoeStatus, PortStatus } from '../../model/report.js';
import { ceilDiv } from '../../numbers/decimal.js';
import { applyFloor, type Ratio } from '../../numbers/percent.js';
import type { SegmentNode } from '../walk.js';
import type { Figure } from './figure.js';

interface SwitchState {
  /** This segment is a device of its own (it has a link, ports or a PoE budget). */
  device: boolean;
  ports: bigint;
  drawMilliwatts: bigint;
  poweredCameras: bigint;
  /** Cameras on this switch whose PoE draw is not given. */
  unknownDraw: bigint;
}

export function isDevice(segment: Segment): boolean {
  return (
    segment.linkBitsPerSecond !== undefined ||
    segment.linkShape !== undefined ||
    segment.linkAuto === true ||
    segment.ports !== undefined ||
    segment.poeMilliwatts !== undefined
  );
}

/** Whether any segment has ports or a PoE budget: the figure runs only then. */
export function hasSwitches(nodes: readonly SegmentNode[]): boolean {
  return nodes.some((n) => n.segment.ports !== undefined || n.segment.poeMilliwatts !== undefined);
}

export const switchFigure: Figure<SwitchState> = {
  init: (node) => ({ device: isDevice(node.segment), ports: 0n, drawMilliwatts: 0n, poweredCameras: 0n, unknownDraw: 0n }),
  addGroup(state, group) {
    state.ports += group.count;
    if (group.poe) {
      state.drawMilliwatts += group.count * group.poe.milliwatts;
      state.poweredCameras += group.count;
    } else state.unknownDraw += group.count;
  },
  addChild(parent, child) {
    if (child.device) {
      parent.ports += 1n;
      return;
    }
    parent.ports += child.ports;
    parent.drawMilliwatts += child.drawMilliwatts;
    parent.poweredCameras += child.poweredCameras;
    parent.unknownDraw += child.unknownDraw;
  },
  finish(state, node, row) {
    const { ports, poeMilliwatts } = node.segment;
    if (ports !== undefined) row.ports = portStatus(ports, state.ports);
    if (poeMilliwatts === undefined) return;
    if (state.unknownDraw > 0n) {
      const where = node.path.length === 0 ? 'the fleet' : `'${node.path.join('/')}'`;
      throw new InputError(
        `segment ${where} has a PoE budget, but ${state.unknownDraw} of its cameras give no "poe" (their draw, e.g. "6.5W" or "class 3"): give it for every camera on the switch`,
      );
    }
    row.poe = poeStatus(poeMilliwatts, state.drawMilliwatts, state.poweredCameras, node.poeCeiling);
  },
};

export function portStatus(ports: bigint, used: bigint): PortStatus {
  return { ports, used, spare: ports - used, fits: used <= ports };
}

export function poeStatus(budget: bigint, draw: bigint, cameras: bigint, ceiling: Ratio): PoeStatus {
  const usable = applyFloor(budget, ceiling);
  return {
    budgetMilliwatts: budget,
    ceiling,
    usableMilliwatts: usable,
    drawMilliwatts: draw,
    cameras,
    ...(budget > 0n ? { utilizationBasisPoints: ceilDiv(draw * 10_000n, budget) } : {}),
    headroomMilliwatts: usable - draw,
    fits: draw <= usable,
  };
}
