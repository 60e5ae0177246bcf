// Two CPU-bound threads against one: how much a second thread gets on this machine now.
// node bench/thread-probe.mjs
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
function work() {
  let h = 0;
  for (let i = 0; i < 3e8; i++) h = Math.imul(h ^ i, 16777619);
  return h;
}
if (!isMainThread) {
  const t = performance.now();
  work();
  parentPort.postMessage(performance.now() - t);
} else {
  let t = performance.now();
  work();
  console.log('one alone', Math.round(performance.now() - t));
  t = performance.now();
  const w = new Worker(new URL(import.meta.url));
  const p = new Promise((r) => w.once('message', r));
  const t2 = performance.now();
  work();
  const mine = performance.now() - t2;
  const theirs = await p;
  console.log('two at once: main', Math.round(mine), 'worker', Math.round(theirs), 'wall', Math.round(performance.now() - t));
  await w.terminate();
}
