/**
 * Two threads must never be slower than one. Work stealing alone does not
 * promise it: on a machine whose other core is busy a worker slows the main
 * thread down as much as it helps. So the main thread keeps checking, after
 * each part it reads, in rounds:
 *
 *  - before the workers start: the main thread times its own parts with the
 *    process's CPU time. Only if it has a core to itself are the workers
 *    started (a machine that gives this process less than a core would only
 *    share it out among more threads, and a worker's start and warm-up cost
 *    ~0.2 s of CPU); else it asks again a round later.
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
 * The load that decided a round may change within it, so a round costs at
 * most a window at the slower setting.
 */
import { NEXT_PART, WORKER_PARTS, WORKERS_PAUSED } from './part-scan.js';

/** Worker parts after which they count as warm (their first part runs before the JIT has caught up). */
const WARM_PARTS = 1;
/**
 * How long the workers may take to be warm, ms. Their start and first part
 * take ~0.1 s of CPU; on a machine whose cores are taken they took 2–3 s
 * of wall time (bench/RESULTS.md, issue 24), slowing the main thread all
 * that while: the pacer used to judge only after four parts, too late.
 */
const WARM_MS = 400;
/** How long a setting is timed, ms. */
const WINDOW_MS = 300;
/** Together must be at least this much faster than alone to go on. */
const GAIN = 1.1;
/** CPU time over wall time, per thread, at which every thread had a core to itself. */
const FULL_CORE = 0.85;
/** How long the main thread is timed alone before the workers start, ms. */
const FIRST_WINDOW_MS = 50;
/** The time between rounds, ms. */
const ROUND_EVERY_MS = 3000;

type Phase = 'before' | 'waited' | 'warming' | 'together' | 'alone' | 'settled';

export class Pace {
  private phase: Phase = 'before';
  private mainParts = 0;
  private from = 0;
  private fromParts = 0;
  private fromCpu = 0;
  private together = 0;

  constructor(
    private readonly shared: Int32Array,
    private readonly threads: number,
    private readonly parts: number,
    private readonly startWorkers: () => void,
    /** Tests: see SplitTuning.handOff. */
    private readonly handOff?: number,
  ) {
    if (handOff !== undefined) startWorkers();
  }

  /** After each part the main thread reads. */
  partDone(): void {
    this.mainParts++;
    if (this.handOff !== undefined) {
      this.handOver();
      return;
    }
    const now = performance.now();
    const all = this.mainParts + Atomics.load(this.shared, WORKER_PARTS);
    const elapsed = now - this.from;
    if (this.phase === 'before') this.beforeWorkers(now, all);
    else if (this.phase === 'waited') {
      if (elapsed >= ROUND_EVERY_MS) this.begin('before', now, all);
    } else if (this.phase === 'warming') {
      if (all - this.mainParts >= WARM_PARTS) this.begin('together', now, all);
      else if (elapsed >= WARM_MS) {
        this.setWorkers(false);
        this.begin('settled', now, all);
      }
    } else if (this.phase === 'together') {
      if (elapsed >= WINDOW_MS) this.afterTogether(now, all);
    } else if (this.phase === 'alone') {
      if (elapsed < WINDOW_MS) return;
      const alone = (this.mainParts - this.fromParts) / elapsed;
      if (this.together >= alone * GAIN) this.setWorkers(true);
      this.begin('settled', now, all);
    } else if (elapsed >= ROUND_EVERY_MS) {
      this.setWorkers(true); // warm already: timed together at once
      this.begin('together', now, all);
    }
  }

  /** Timed from the end of the cold first part: start the workers if this thread had a core to itself. */
  private beforeWorkers(now: number, all: number): void {
    if (this.mainParts === 1) this.begin('before', now, all);
    else if (now - this.from < FIRST_WINDOW_MS) return;
    else if (cpuMs() - this.fromCpu >= (now - this.from) * FULL_CORE) {
      this.startWorkers();
      this.begin('warming', now, all);
    } else this.begin('waited', now, all);
  }

  /** Every thread had a core: settled; else the main thread is timed alone next. */
  private afterTogether(now: number, all: number): void {
    const elapsed = now - this.from;
    this.together = (all - this.fromParts) / elapsed;
    if (cpuMs() - this.fromCpu >= elapsed * this.threads * FULL_CORE) {
      this.begin('settled', now, all);
      return;
    }
    this.setWorkers(false);
    this.begin('alone', now, this.mainParts);
  }

  /** Tests: every `handOff` parts the workers are paused or let go; while they run, the main thread waits for one of their parts. */
  private handOver(): void {
    if (this.handOff! > 0 && this.mainParts % this.handOff! === 0) this.setWorkers(Atomics.load(this.shared, WORKERS_PAUSED) === 1);
    if (Atomics.load(this.shared, WORKERS_PAUSED) === 1 || Atomics.load(this.shared, NEXT_PART) >= this.parts) return;
    Atomics.wait(this.shared, WORKER_PARTS, Atomics.load(this.shared, WORKER_PARTS), 1000);
  }

  /** Lets paused workers go (the end of the main thread's reading, whatever happened). */
  release(): void {
    this.setWorkers(true);
  }

  private begin(phase: Phase, now: number, parts: number): void {
    this.phase = phase;
    this.from = now;
    this.fromParts = parts;
    this.fromCpu = cpuMs();
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
