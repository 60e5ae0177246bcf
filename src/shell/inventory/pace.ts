/**
 * Two threads must never be slower than one. Work stealing alone does not
 * promise it: on a machine whose other core is busy (or whose two cores
 * share one physical core) a worker slows the main thread down as much as
 * it helps, and costs its own start and warm-up. So the main thread times
 * itself alone, then all threads together once the workers are warm; if
 * together they read parts no faster than it did alone, it tells them to
 * stop taking parts (they finish the one they have) and reads on alone.
 */
import { WORKER_PARTS, WORKERS_STOP } from './part-scan.js';

/** Worker parts after which they count as warm (their first parts run before the JIT has caught up). */
const WARM_PARTS = 4;
/** How long all threads are timed together before deciding, ms. */
const WINDOW_MS = 300;
/** Together must be at least this much faster than alone to go on. */
const GAIN = 1.1;

export class Pace {
  private readonly started = performance.now();
  private mainParts = 0;
  /** The main thread's parts per ms alone (after its own first part), undefined until the workers start. */
  private alone: number | undefined;
  private aloneFrom = 0;
  private aloneParts = 0;
  private togetherFrom = -1;
  private togetherParts = 0;
  private decided = false;

  constructor(private readonly shared: Int32Array) {}

  /** After each part the main thread reads. */
  partDone(): void {
    this.mainParts++;
    if (this.decided) return;
    const now = performance.now();
    const workers = Atomics.load(this.shared, WORKER_PARTS);
    if (workers === 0) {
      // Alone: timed from the end of the first part (the cold start is not the pace).
      if (this.mainParts === 1) this.aloneFrom = now;
      else this.alone = (this.mainParts - 1) / (now - this.aloneFrom);
      this.aloneParts = this.mainParts;
      return;
    }
    if (this.alone === undefined || this.aloneParts < 3) {
      this.decided = true; // the workers were there almost at once: nothing to compare with
      return;
    }
    if (workers < WARM_PARTS) return;
    if (this.togetherFrom < 0) {
      this.togetherFrom = now;
      this.togetherParts = this.mainParts + workers;
      return;
    }
    if (now - this.togetherFrom < WINDOW_MS) return;
    const together = (this.mainParts + workers - this.togetherParts) / (now - this.togetherFrom);
    this.decided = true;
    if (together < this.alone * GAIN) Atomics.store(this.shared, WORKERS_STOP, 1);
  }

  /** Whether the workers were told to stop (for the record). */
  get stoppedWorkers(): boolean {
    return Atomics.load(this.shared, WORKERS_STOP) === 1;
  }

  get elapsed(): number {
    return performance.now() - this.started;
  }
}
