/**
 * The pacer's decisions (io/inventory/pace.ts, pace-payback.ts) on scripted
 * clocks: when workers are started, asked about again, never started, paused
 * and let go. What any decision reads is checked elsewhere: every decision,
 * forced, gives what one thread gives (test/e2e/inventory-split.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { Pace, type PaceClocks } from '../../src/io/inventory/pace.js';
import { couldPayBack, entriesAfter, estimate, type PaceWindow, workersToStart } from '../../src/io/inventory/pace-payback.js';
import { COUNTERS, NEXT_PART, WORKER_PARTS, WORKERS_PAUSED } from '../../src/io/inventory/part-scan.js';

/** The realistic layout's 2M records as NDJSON (355 parts of 1 MiB) on a free 2-core machine, 16 parts in. */
const realistic: PaceWindow = {
  msPerPart: 12,
  cpuShare: 0.98,
  freeCores: 0.95,
  partsLeft: 339,
  partsBefore: 3,
  entriesBefore: 9000,
  partsRead: 16,
  entries: 20_000,
  workers: 1,
};

describe('workersToStart', () => {
  it.each<[string, Partial<PaceWindow>, number]>([
    ['the realistic layout, a free core', {}, 1],
    ['the other core busy', { freeCores: 0.5 }, 0],
    ['this thread without a core of its own', { cpuShare: 0.7 }, 0],
    ['a 64 MiB file (48 parts left)', { partsLeft: 48 }, 0],
    // The realistic 2M CSV (178 parts, ~6 ms each): under a second left, a worker could not save enough to risk it.
    ['less than a second left on one thread', { msPerPart: 6, partsLeft: 160 }, 0],
    ['a second left, a free core', { msPerPart: 6, partsLeft: 167 }, 1],
    ['threads asked for: one', { workers: 0 }, 0],
    ['three free cores, three workers allowed', { freeCores: 3, workers: 3, partsLeft: 400 }, 3],
    ['one free core of three allowed', { freeCores: 1.2, workers: 3, partsLeft: 400 }, 1],
    // 865,000 segments: every part brings ~10,000 new entries, the merge costs more than a worker saves.
    ['one new entry in two records', { msPerPart: 30, partsLeft: 170, entriesBefore: 32_000, entries: 170_000 }, 0],
  ])('%s', (_, change, workers) => {
    expect(workersToStart({ ...realistic, ...change })).toBe(workers);
  });

  it('asks again later only while a free machine could pay a worker back', () => {
    expect(couldPayBack({ ...realistic, freeCores: 0 })).toBe(true);
    expect(couldPayBack({ ...realistic, partsLeft: 48 })).toBe(false);
    expect(couldPayBack({ ...realistic, msPerPart: 30, partsLeft: 170, entriesBefore: 32_000, entries: 170_000 })).toBe(false);
  });
});

describe('estimate and entriesAfter', () => {
  it('the time with a worker: its start, half the rest, the merge of its entries at 4 µs', () => {
    const entries = entriesAfter(realistic, 339 / 2);
    expect(entries).toBeGreaterThan(0);
    expect(estimate(realistic, 1)).toEqual({ alone: 4068, with: 250 + 3818 / 2 + (entries * 4) / 1000 });
    expect(estimate(realistic, 0)).toEqual({ alone: 4068, with: 4068 });
  });

  it('grows the entries as the window did: not at all, like a power, every part new ones', () => {
    expect(entriesAfter({ ...realistic, entriesBefore: 20_000 }, 160)).toBe(20_000);
    expect(entriesAfter({ ...realistic, partsBefore: 4, entriesBefore: 10_000 }, 64)).toBeCloseTo(40_000, 6); // b = 1/2
    expect(entriesAfter({ ...realistic, partsBefore: 8, entriesBefore: 10_000 }, 32)).toBeCloseTo(40_000, 6); // b = 1
    expect(entriesAfter({ ...realistic, partsBefore: 8, entriesBefore: 100 }, 32)).toBeCloseTo(40_000, 6); // b above 1 counts as 1
    expect(entriesAfter(realistic, 8)).toBe(20_000); // never below what it holds now
  });
});

/** A pacer on scripted clocks: each part takes `ms` of wall time and `cpu` of CPU time; the machine leaves `idle` cores. */
function scripted(workers = 1, parts = 200) {
  const shared = new Int32Array(new SharedArrayBuffer(COUNTERS * 4));
  const state = { now: 0, cpu: 0, idle: 0, started: [] as number[] };
  const clocks: PaceClocks = { now: () => state.now, cpuMs: () => state.cpu, idleMs: () => state.idle };
  const pace = new Pace(shared, workers, parts, (n) => state.started.push(n), undefined, clocks);
  let entries = 0;
  const part = (ms: number, cpu: number, idle: number, workerParts = 0, newEntries = 10) => {
    Atomics.add(shared, NEXT_PART, 1 + workerParts);
    Atomics.add(shared, WORKER_PARTS, workerParts);
    state.now += ms;
    state.cpu += cpu;
    state.idle += idle * ms;
    entries += newEntries;
    pace.partDone(entries);
  };
  return { pace, state, part, paused: () => Atomics.load(shared, WORKERS_PAUSED) === 1 };
}

describe('Pace', () => {
  it('a free machine: starts the worker after the cold parts and a window, then keeps it', () => {
    const { pace, state, part, paused } = scripted();
    for (let i = 0; i < 3; i++) part(100, 100, 1); // cold: not timed, whatever the clocks say
    expect(pace.state).toBe('before');
    for (let i = 0; i < 17; i++) part(6, 6, 0.95);
    expect(state.started).toEqual([1]);
    expect(pace.state).toBe('warming');
    part(6, 12, 0, 1); // the worker's first part
    expect(pace.state).toBe('together');
    for (let i = 0; i < 50; i++) part(6, 12, 0, 1); // two cores' CPU time: every thread had a core
    expect(pace.state).toBe('settled');
    expect(paused()).toBe(false);
  });

  it('a busy machine: asks again a second later, while the file left could pay a worker back, then never', () => {
    const { pace, state, part } = scripted(1, 260);
    for (let i = 0; i < 3; i++) part(100, 100, 0);
    for (let i = 0; i < 20; i++) part(6, 6, 0);
    expect(pace.state).toBe('waited');
    for (let i = 0; i < 170; i++) part(6, 6, 0);
    expect(state.started).toEqual([]);
    expect(pace.state).toBe('before'); // asked again after each second
    for (let i = 0; i < 30; i++) part(6, 6, 0);
    expect(pace.state).toBe('never'); // 56 parts left: too few to pay back
    expect(state.started).toEqual([]);
  });

  it('workers that do not get a core: paused when the main thread is faster alone', () => {
    const { pace, state, part, paused } = scripted();
    for (let i = 0; i < 3; i++) part(100, 100, 1);
    for (let i = 0; i < 20; i++) part(6, 6, 1);
    expect(state.started).toEqual([1]);
    part(10, 10, 0, 1);
    expect(pace.state).toBe('together');
    for (let i = 0; i < 40; i++) part(10, 10, 0, i % 4 === 0 ? 1 : 0); // one core between them
    expect(pace.state).toBe('alone');
    expect(paused()).toBe(true);
    for (let i = 0; i < 60; i++) part(6, 6, 0);
    expect(pace.state).toBe('settled');
    expect(paused()).toBe(true); // alone 1/6 of a part per ms against 1.25/10 together
    pace.release();
    expect(paused()).toBe(false);
  });

  it('a worker not warm within 400 ms is paused', () => {
    const { pace, state, part, paused } = scripted();
    for (let i = 0; i < 3; i++) part(100, 100, 1);
    for (let i = 0; i < 20; i++) part(6, 6, 1);
    expect(state.started).toEqual([1]);
    for (let i = 0; i < 70; i++) part(6, 6, 0);
    expect(pace.state).toBe('settled');
    expect(paused()).toBe(true);
  });
});
