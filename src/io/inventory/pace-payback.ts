/**
 * Whether workers would pay back what they cost, judged from what the main
 * thread measured over its last parts (pace.ts). Pure: the numbers in, how
 * many workers to start out.
 *
 * A worker costs, before it helps: its start and its first part, run before
 * its JIT has caught up (~50 ms and ~125 ms on this project's 2-core test
 * machine, against ~6 ms for a warm 1 MiB part of the realistic layout); and
 * after: its aggregate, copied out (rawOf), sent (structured clone) and
 * merged into the main thread's, ~3 µs per distinct (segment, profile) entry
 * it holds, all three together (32,148 entries: 96 ms; 1,088,690: 3.2 s;
 * bench/RESULTS.md, issue 24, third session). So a file of many distinct
 * segments, whose every part brings thousands of new entries, may never pay
 * it back, whatever the cores; and a small file never does.
 */

/** What the main thread measured over a window of its parts, alone. */
export interface PaceWindow {
  /** Wall time per part, ms. */
  msPerPart: number;
  /** Its CPU time over the window's wall time: ~1 when it had a core to itself. */
  cpuShare: number;
  /** Cores the machine left idle over the window (its idle time, all cores, over the wall time). */
  freeCores: number;
  /** Parts no thread has taken yet. */
  partsLeft: number;
  /** The main thread's parts read and the distinct entries of its aggregate, at the window's start and now. */
  partsBefore: number;
  entriesBefore: number;
  partsRead: number;
  entries: number;
  /** Workers that may be started (threads asked for, less one). */
  workers: number;
}

/** A worker's start and cold first part, ms, less the warm part it stands for (measured ~170 ms; taken high). */
export const WORKER_START_MS = 250;
/** Copying out, sending and merging a worker's aggregate, µs per distinct entry (measured ~3; taken high). */
export const MERGE_US_PER_ENTRY = 4;
/** Workers must save at least this share of the one-thread time left: else the estimate's error could make them a loss. */
export const MIN_SAVING = 0.15;
/**
 * One-thread time left below which no worker starts, ms. A worker could save
 * at most a few hundred ms there, and its start (~0.2 s of CPU) is a loss
 * whenever the idle core the window saw was idle only for the window: the
 * bench layout's 2M records (0.55 s on one thread) took 0.83 s with a
 * worker at load 4–6 (bench/RESULTS.md, issue 24, fourth session).
 */
export const MIN_ALONE_MS = 1000;
/** The main thread's CPU share at which it had a core to itself. */
export const FULL_CORE = 0.85;
/** Idle cores counted as whole ones from this much idle each (a core 75 % idle gives a worker most of a core). */
export const FREE_CORE = 0.75;

/** The one-thread time left and the time with `n` workers started now, ms. */
export function estimate(w: PaceWindow, n: number): { alone: number; with: number } {
  const alone = w.partsLeft * w.msPerPart;
  if (n === 0) return { alone, with: alone };
  const workerEntries = entriesAfter(w, w.partsLeft / (n + 1));
  const merge = (n * workerEntries * MERGE_US_PER_ENTRY) / 1000;
  const scan = alone <= WORKER_START_MS ? alone : WORKER_START_MS + (alone - WORKER_START_MS) / (n + 1);
  return { alone, with: scan + merge };
}

/**
 * The distinct entries a thread holds after `parts` parts, from the main
 * thread's: E(k) = E_now · (k / k_now)^b, b from the window's two points
 * (between 0, every part the same entries, and 1, every part new ones:
 * 865,000 segments over 2M records grow at ~1, the realistic layout's
 * 5,000 at ~0.4), never below what the main thread holds now.
 */
export function entriesAfter(w: PaceWindow, parts: number): number {
  if (parts <= w.partsRead || w.entries <= 0) return w.entries;
  const grew = w.entriesBefore > 0 && w.partsRead > w.partsBefore && w.partsBefore > 0;
  const b = grew ? Math.min(1, Math.max(0, Math.log(w.entries / w.entriesBefore) / Math.log(w.partsRead / w.partsBefore))) : 1;
  return w.entries * (parts / w.partsRead) ** b;
}

/**
 * How many workers to start now: 0 unless this thread had a core, another
 * core is idle, at least MIN_ALONE_MS are left, and the time saved is at
 * least MIN_SAVING of the time left.
 */
export function workersToStart(w: PaceWindow): number {
  if (w.workers < 1 || w.cpuShare < FULL_CORE || !(w.msPerPart > 0) || w.partsLeft * w.msPerPart < MIN_ALONE_MS) return 0;
  const idle = Math.min(w.workers, Math.floor(w.freeCores / FREE_CORE));
  for (let n = idle; n >= 1; n--) {
    const { alone, with: together } = estimate(w, n);
    if (alone - together >= MIN_SAVING * alone) return n;
  }
  return 0;
}

/** Whether workers could pay back at all, on a machine with every core free: if not, the main thread stops asking. */
export function couldPayBack(w: PaceWindow): boolean {
  return w.workers >= 1 && workersToStart({ ...w, cpuShare: 1, freeCores: w.workers }) > 0;
}
