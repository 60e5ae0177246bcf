/**
 * Two threads must never be slower than one. Work stealing alone does not
 * promise it: a worker costs its start, its cold first part and the merge
 * of what it read (pace-payback.ts), and on a machine whose other core is
 * busy it slows the main thread down as much as it helps. So the main
 * thread keeps checking, after each part it reads, in rounds:
 *
 *  - before the workers start: the main thread times its own warm parts for
 *    a window, with its CPU time and the machine's idle time (os.cpus()).
 *    The workers start only if this thread had a core, another core was
 *    idle, and the time left on one thread is long enough to pay a worker
 *    back with a clear margin (workersToStart). Else it asks again a round
 *    later, or never again once even a free machine could not pay it back.
 *  - together: once the workers are warm (a part done each), all threads
 *    are timed for a window, with the process's CPU time. If it used close
 *    to a core per thread, every thread had a core: go on, check again
 *    later. Workers that have not done a part within WARM_MS of their start
 *    are on a busy machine: they are paused at once, as if timed slower.
 *  - alone: otherwise the workers are paused (they finish the part they
 *    have and wait, warm) and the main thread is timed alone for a window.
 *    Faster alone, or not clearly slower: the workers stay paused; else they
 *    go on. Either way the rounds start again a few seconds later, since
 *    other programs come and go.
 *
 * Whatever is decided, every part is taken by exactly one thread (an atomic
 * counter, part-scan.ts), and a paused worker's parts read so far are merged.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { couldPayBack, FULL_CORE, type PaceWindow, workersToStart } from './pace-payback.js';
import { NEXT_PART, WORKER_PARTS, WORKERS_PAUSED } from './part-scan.js';

/** Worker parts after which they count as warm (their first part runs before the JIT has caught up). */
const WARM_PARTS = 1;
/**
 * How long the workers may take to be warm, ms. Their start and first part
 * take ~0.2 s of CPU; on a machine whose cores are taken they took 2–3 s
 * of wall time (bench/RESULTS.md, issue 24), slowing the main thread all
 * that while: the pacer used to judge only after four parts, too late.
 */
const WARM_MS = 400;
/** The main thread's first parts, slow while its JIT catches up (~130, 18 and 11 ms, then ~6, on the realistic layout): not timed. */
const COLD_PARTS = 3;
/** How long a setting is timed, ms. */
const WINDOW_MS = 300;
/** Together must be at least this much faster than alone to go on. */
const GAIN = 1.1;
/** How long the main thread is timed alone before the workers start, ms (the machine's idle time comes in 10 ms ticks). */
const FIRST_WINDOW_MS = 100;
/** The time between rounds, ms; and between asking again whether to start the workers. */
const ROUND_EVERY_MS = 3000;
const ASK_AGAIN_MS = 1000;

/** The clocks the pacer reads (tests give their own). */
export interface PaceClocks {
  now(): number;
  /** This process's CPU time, ms (every thread). */
  cpuMs(): number;
  /** The machine's idle time, ms, summed over its cores. */
  idleMs(): number;
}

type Phase = 'cold' | 'before' | 'waited' | 'warming' | 'together' | 'alone' | 'settled' | 'never';

/** Tests: workers started by count instead of as the timing says (SplitTuning.handOff, startAfter). */
export interface PaceTest {
  handOff?: number;
  startAfter?: number;
}

export class Pace {
  private phase: Phase = 'cold';
  private mainParts = 0;
  private from = 0;
  private fromParts = 0;
  private fromCpu = 0;
  private fromIdle = 0;
  private fromEntries = 0;
  private together = 0;
  /** Threads reading: the main thread and the workers started. */
  private threads = 1;

  constructor(
    private readonly shared: Int32Array,
    /** Workers that may be started. */
    private readonly workers: number,
    private readonly parts: number,
    private readonly startWorkers: (n: number) => void,
    private readonly test?: PaceTest,
    private readonly clocks: PaceClocks = systemClocks,
  ) {
    if (test && (test.startAfter ?? 0) === 0 && test.handOff !== -1) this.start(workers);
  }

  /** After each part the main thread reads, with the distinct entries its aggregate holds. */
  partDone(entries = 0): void {
    this.mainParts++;
    if (this.test) {
      if (this.mainParts === this.test.startAfter && this.test.handOff !== -1) this.start(this.workers);
      if (this.threads > 1) this.handOver();
      return;
    }
    const now = this.clocks.now();
    const all = this.mainParts + Atomics.load(this.shared, WORKER_PARTS);
    const elapsed = now - this.from;
    const phase = this.phase;
    if (phase === 'cold') {
      if (this.mainParts >= COLD_PARTS) this.begin('before', now, all, entries); // timed from the end of the cold first parts
    } else if (phase === 'before') {
      if (elapsed >= FIRST_WINDOW_MS) this.beforeWorkers(now, all, entries);
    } else if (phase === 'waited') {
      if (elapsed >= ASK_AGAIN_MS) this.begin('before', now, all, entries);
    } else if (phase === 'warming') {
      if (all - this.mainParts >= WARM_PARTS * (this.threads - 1)) this.begin('together', now, all);
      else if (elapsed >= WARM_MS) {
        this.setWorkers(false);
        this.begin('settled', now, all);
      }
    } else if (phase === 'together') {
      if (elapsed >= WINDOW_MS) this.afterTogether(now, all);
    } else if (phase === 'alone') {
      if (elapsed < WINDOW_MS) return;
      const alone = (this.mainParts - this.fromParts) / elapsed;
      if (this.together >= alone * GAIN) this.setWorkers(true);
      this.begin('settled', now, all);
    } else if (phase === 'settled' && elapsed >= ROUND_EVERY_MS) {
      this.setWorkers(true); // warm already: timed together at once
      this.begin('together', now, all);
    }
  }

  /** What the window since `begin` measured: start workers, ask again later, or never. */
  private beforeWorkers(now: number, all: number, entries: number): void {
    const elapsed = now - this.from;
    const parts = this.mainParts - this.fromParts;
    const window: PaceWindow = {
      msPerPart: elapsed / Math.max(parts, 1),
      cpuShare: (this.clocks.cpuMs() - this.fromCpu) / elapsed,
      freeCores: (this.clocks.idleMs() - this.fromIdle) / elapsed,
      partsLeft: Math.max(0, this.parts - Atomics.load(this.shared, NEXT_PART)),
      partsBefore: this.fromParts,
      entriesBefore: this.fromEntries,
      partsRead: this.mainParts,
      entries,
      workers: this.workers,
    };
    const n = workersToStart(window);
    if (n > 0) {
      this.start(n);
      this.begin('warming', now, all);
    } else this.begin(couldPayBack(window) ? 'waited' : 'never', now, all, entries);
  }

  private start(n: number): void {
    this.threads = n + 1;
    this.startWorkers(n);
  }

  /** Every thread had a core: settled; else the main thread is timed alone next. */
  private afterTogether(now: number, all: number): void {
    const elapsed = now - this.from;
    this.together = (all - this.fromParts) / elapsed;
    if (this.clocks.cpuMs() - this.fromCpu >= elapsed * this.threads * FULL_CORE) {
      this.begin('settled', now, all);
      return;
    }
    this.setWorkers(false);
    this.begin('alone', now, this.mainParts);
  }

  /** Tests: every `handOff` parts the workers are paused or let go; while they run, the main thread waits for one of their parts. */
  private handOver(): void {
    const handOff = this.test?.handOff ?? 0;
    if (handOff > 0 && this.mainParts % handOff === 0) this.setWorkers(Atomics.load(this.shared, WORKERS_PAUSED) === 1);
    if (Atomics.load(this.shared, WORKERS_PAUSED) === 1 || Atomics.load(this.shared, NEXT_PART) >= this.parts) return;
    Atomics.wait(this.shared, WORKER_PARTS, Atomics.load(this.shared, WORKER_PARTS), 1000);
  }

  /** Lets paused workers go (the end of the main thread's reading, whatever happened). */
  release(): void {
    this.setWorkers(true);
  }

  /** The phase now (tests). */
  get state(): Phase {
    return this.phase;
  }

  private begin(phase: Phase, now: number, parts: number, entries = 0): void {
    this.phase = phase;
    this.from = now;
    this.fromParts = parts;
    this.fromCpu = this.clocks.cpuMs();
    if (phase === 'before') {
      this.fromIdle = this.clocks.idleMs();
      this.fromEntries = entries;
    }
  }

  private setWorkers(run: boolean): void {
    Atomics.store(this.shared, WORKERS_PAUSED, run ? 0 : 1);
    if (run) Atomics.notify(this.shared, WORKERS_PAUSED);
  }
}

/** The process's CPU time (every thread, user and system), ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The machine's idle time, ms, summed over its cores (os.cpus(), from
 * /proc/stat on Linux, in 10 ms ticks). Where Node cannot list the cores,
 * the load average stands in: the cores it leaves free, as if idle all along.
 */
function idleMs(): number {
  const list = cpus();
  if (list.length > 0) return list.reduce((sum, c) => sum + c.times.idle, 0);
  return Math.max(0, availableParallelism() - loadavg()[0]!) * performance.now();
}

const systemClocks: PaceClocks = { now: () => performance.now(), cpuMs, idleMs };
