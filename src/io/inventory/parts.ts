/**
 * Large uncompressed CSV or NDJSON files are read in parts by several
 * threads at once: the main thread and its workers each take the next part
 * as they free up (part-scan.ts), then the main thread puts the parts back
 * in file order: line numbers, the first bad record, skipped records and
 * sums. If a part did not end between records (a quoted CSV field or a JSON
 * record over several lines spans its end), the next one began inside a
 * record: the parts are dropped and the file is read on one thread. Either
 * way the result, bad records and their messages included, is what one
 * thread gives.
 */
import { Worker } from 'node:worker_threads';
import { InputError } from '../../core/diagnostics/errors.js';
import { mergeRaw } from '../../core/inventory/aggregate-raw.js';
import { InventoryError } from '../../core/inventory/chunks.js';
import type { Catalog } from '../../core/model/catalog.js';
import { stopIfAborted } from '../abort.js';
import type { InventoryColumns, InventoryOptions, InventoryResult } from './options.js';
import { CsvScanner } from '../../core/inventory/csv.js';
import { JsonScanner } from '../../core/inventory/json.js';
import { keysRead, mergeKeysMet } from '../../core/inventory/json-keys.js';
import {
  columnsOf,
  csvReading,
  inventoryDetails,
  labelled,
  type PlacedProblem,
  recordError,
  recordMessage,
  type Scanner,
  scanError,
} from './messages.js';
import { Pace } from './pace.js';
import { COUNTERS, NEXT_PART, PART_STRIDE, type PartDone, scanParts, type ThreadOutcome } from './part-scan.js';
import { type PartPlan, planParts, SPLIT_TUNING } from './split.js';
import type { WorkerJob, WorkerResult } from './worker.js';

interface StartedWorker {
  worker: Worker;
  /** Its result, listened for from the start so that none is missed. */
  finished: Promise<WorkerResult>;
}

function startWorker(job: WorkerJob): StartedWorker {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });
  const finished = new Promise<WorkerResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`an inventory worker stopped (exit ${code}) without a result`)));
  });
  finished.catch(() => undefined); // handled by whoever awaits it; never an unhandled rejection
  return { worker, finished };
}

/** Undefined when the file is not one to read in parts, or its parts did not split between records (the caller reads it on one thread). */
export async function loadInParts(
  path: string,
  catalog: Catalog,
  options: InventoryOptions,
  threads: number,
): Promise<InventoryResult | undefined> {
  if (options.format === 'xlsx') return undefined;
  const plan = planParts(path, options.format, options.split ?? SPLIT_TUNING, options.delimiter);
  if (!plan || plan.parts < 2 || threads < 2) return undefined;
  const shared = new SharedArrayBuffer(COUNTERS * 4);
  const reading = csvReading(options);
  const job: WorkerJob = {
    plan,
    shared,
    skipInvalid: options.skipInvalid,
    catalog,
    reading,
    ...(options.scan ? { scan: options.scan } : {}),
  };
  const workers: StartedWorker[] = [];
  const more = Math.min(threads, plan.parts) - 1;
  const counters = new Int32Array(shared);
  try {
    const progress = partsProgress(plan, counters, options.progress);
    const tuning = options.split ?? SPLIT_TUNING;
    const test = tuning.handOff === undefined && tuning.startAfter === undefined ? undefined : tuning;
    const pace = new Pace(
      counters,
      more,
      plan.parts,
      (n) => {
        for (let i = 0; i < n; i++) workers.push(startWorker(job));
      },
      test,
    );
    let mine: ReturnType<typeof scanParts>;
    try {
      mine = scanParts(
        plan,
        counters,
        catalog,
        options.skipInvalid,
        options.scan,
        {
          worker: false,
          progress,
          afterPart: (entries) => {
            pace.partDone(entries);
            stopIfAborted(options.signal); // an abort made while this thread reads (by the progress callback) stops it here
          },
        },
        reading,
      );
    } finally {
      pace.release();
    }
    // The main thread read every part (the workers were not running yet, or were told to stop at once): nothing to wait for.
    const theirs = mine.outcome.done.length === plan.parts ? [] : await Promise.all(workers.map((w) => w.finished));
    return combine(plan, mine, theirs);
  } finally {
    for (const w of workers) void w.worker.terminate();
    options.progress?.({ records: 0, bytes: plan.size, read: plan.size, total: plan.size }, true);
  }
}

/** The progress line's callback for the main thread's reads: the bytes of the parts every thread took, the records scaled to them. */
function partsProgress(
  plan: PartPlan,
  counters: Int32Array,
  report: InventoryOptions['progress'],
): (bytes: number, records: number) => void {
  let read = 0;
  let last = Date.now();
  return (bytes, records) => {
    read += bytes;
    if (!report || Date.now() - last < 250) return;
    last = Date.now();
    // The other threads read about as fast: the parts taken so far stand for the bytes read.
    const taken = Math.min(plan.size, Atomics.load(counters, NEXT_PART) * plan.partBytes);
    report({ records: Math.round(records * (taken / Math.max(read, 1))), bytes: taken, read: taken, total: plan.size }, false);
  };
}

/** The threads' outcomes in file order: the first problem, or one aggregate. Undefined if a part did not end between records. */
function combine(plan: PartPlan, mine: ReturnType<typeof scanParts>, theirs: WorkerResult[]): InventoryResult | undefined {
  const outcomes = [mine.outcome, ...theirs.map((t) => t.outcome)];
  const done = new Map<number, PartDone>();
  for (const o of outcomes) for (const d of o.done) done.set(d.part, d);
  const failure = outcomes
    .map((o) => o.failure)
    .filter((f) => f !== undefined)
    .sort((a, b) => a.part - b.part)[0];
  const lastPart = failure ? failure.part : plan.parts - 1;
  const base = [0];
  for (let p = 0; p < lastPart; p++) {
    const d = done.get(p);
    if (!d?.atBoundary) return undefined;
    base.push(base[p]! + d.lines);
  }
  if (!failure && !done.has(lastPart)) return undefined;
  const lineOf = (stored: number) => {
    const part = Math.floor(stored / PART_STRIDE);
    return base[part]! + (stored - part * PART_STRIDE);
  };
  const inFile = (part: number, problem: PlacedProblem): PlacedProblem =>
    labelled(
      { ...problem, line: lineOf(part * PART_STRIDE + problem.line) },
      mine.scanner instanceof CsvScanner ? mine.scanner : undefined,
    );
  if (failure) {
    if (failure.placeless) throw scanError(plan.path, new InventoryError(failure.problem.message));
    const problem = inFile(failure.part, failure.problem);
    if (failure.syntax) throw scanError(plan.path, new InventoryError(problem.message, problem));
    throw recordError(plan.path, problem); // as the one-thread read says it (messages.ts)
  }
  const aggregate = mine.aggregate;
  try {
    aggregate.resolveLines(lineOf);
    for (const t of theirs) mergeRaw(aggregate, t.raw, lineOf);
  } catch (error) {
    throw error instanceof InventoryError ? scanError(plan.path, error) : error;
  }
  aggregate.records = outcomes.reduce((sum, o) => sum + o.records, 0);
  aggregate.skipped = outcomes.reduce((sum, o) => sum + o.skipped, 0);
  aggregate.skippedSamples.push(...firstSamples(outcomes).map((s) => recordMessage(plan.path, inFile(s.part, s.problem))));
  // The line one thread ends on: the last part's, after its line breaks.
  const columns = columnsRead(plan.path, mine.scanner, theirs, lineOf(lastPart * PART_STRIDE + done.get(lastPart)!.lines + 1));
  if (aggregate.records + aggregate.skipped === 0) {
    throw new InputError(`${plan.path}: empty inventory (no camera records)`, inventoryDetails(plan.path));
  }
  return { aggregate, name: plan.path, bytes: plan.size, ...(columns ? { columns } : {}) };
}

/**
 * The file's columns (CSV: its header, the same in every thread) or keys
 * (NDJSON, JSON: every thread's, in file order, as one thread meets them),
 * and a --columns mapping no key met refused as one thread refuses it, at
 * the line the file ends on.
 */
function columnsRead(path: string, scanner: Scanner, theirs: WorkerResult[], endLine: number): InventoryColumns | undefined {
  if (!(scanner instanceof JsonScanner)) return columnsOf(scanner);
  const met = mergeKeysMet([scanner.keysMet(), ...theirs.map((t) => t.keys!)]);
  const problem = scanner.mappingProblem(met.mappingMet);
  if (problem) throw scanError(path, new InventoryError(problem, { line: endLine }));
  return keysRead(met);
}

/** The first 10 skipped records in file order, from each thread's first 10 (each in its own parts' order). */
function firstSamples(outcomes: ThreadOutcome[]): ThreadOutcome['samples'] {
  const all = outcomes.flatMap((o) => o.samples);
  all.sort((a, b) => a.part - b.part || a.problem.line - b.problem.line || (a.problem.column ?? 0) - (b.problem.column ?? 0));
  return all.slice(0, 10);
}
