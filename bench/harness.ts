// Timing: warm up (JIT, caches), size a batch, then time several batches and take the
// median of their per-call times. peers/numpy_bench.py implements the same policy.

export interface TimingOptions {
  /** Seconds of untimed calls first (at least 3 calls). */
  warmupSeconds: number;
  /** Keep timing batches until this many seconds have been measured... */
  minSeconds: number;
  /** ...and at least this many batches (the batch size aims at minSeconds / minBatches). */
  minBatches: number;
  /** Never more batches than this (stops slow cases early). */
  maxBatches: number;
}

export const DEFAULT_TIMING: TimingOptions = { warmupSeconds: 0.3, minSeconds: 1.2, minBatches: 9, maxBatches: 60 };
export const QUICK_TIMING: TimingOptions = { warmupSeconds: 0.05, minSeconds: 0.15, minBatches: 5, maxBatches: 20 };

export interface Measurement {
  /** Median over batches of (batch time / calls per batch). */
  secondsPerCall: number;
  batches: number;
  callsPerBatch: number;
  /** Interquartile range of the batches' per-call times / median: how noisy the figure is. */
  spread: number;
  totalSeconds: number;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e9;

/** The q-quantile with linear interpolation (numpy's default). */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (xs: number[]): number => quantile(xs, 0.5);

/** Whether the timed batches so far are enough (the policy both `measure` and `measureAsync` follow). */
function enough(perCall: number[], total: number, opts: TimingOptions): boolean {
  return (
    perCall.length >= opts.maxBatches ||
    (perCall.length >= opts.minBatches && total >= opts.minSeconds) ||
    (perCall.length >= 3 && total >= 5 * opts.minSeconds) // a slow case: 3 batches will do
  );
}

/** Calls per timed batch, from a sizing run of n calls that took dt seconds, for batches of `target` seconds. */
function batchSize(n: number, dt: number, target: number): number {
  return Math.max(1, Math.round((n * target) / Math.max(dt, 1e-9)));
}

function summarize(perCall: number[], callsPerBatch: number, total: number): Measurement {
  const med = median(perCall);
  return {
    secondsPerCall: med,
    batches: perCall.length,
    callsPerBatch,
    spread: (quantile(perCall, 0.75) - quantile(perCall, 0.25)) / med,
    totalSeconds: total,
  };
}

/** Times `fn` (synchronous; it must finish its work before returning). */
export function measure(fn: () => void, opts: TimingOptions = DEFAULT_TIMING): Measurement {
  // Warm-up.
  let calls = 0;
  const w0 = now();
  while (calls < 3 || now() - w0 < opts.warmupSeconds) {
    fn();
    calls++;
  }
  // Size the batch: double until a batch takes a quarter of its target, then scale up.
  const target = opts.minSeconds / opts.minBatches;
  let n = 1;
  let dt = 0;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < n; i++) fn();
    dt = now() - t0;
    if (dt >= target / 4 || n >= 1 << 24) break;
    n *= 2;
  }
  const callsPerBatch = batchSize(n, dt, target);
  // Timed batches.
  const perCall: number[] = [];
  let total = 0;
  while (!enough(perCall, total, opts)) {
    const t0 = now();
    for (let i = 0; i < callsPerBatch; i++) fn();
    const t = now() - t0;
    perCall.push(t / callsPerBatch);
    total += t;
  }
  return summarize(perCall, callsPerBatch, total);
}

/**
 * Times an asynchronous `fn` (a worker pool's scan) by the same policy, each call awaited
 * before the next. The warm-up needs only `minWarmupCalls` calls (default 1: such calls are
 * long), and when its last call takes a quarter of a batch's target it also sizes the batch.
 */
export async function measureAsync(fn: () => Promise<void>, opts: TimingOptions = DEFAULT_TIMING, minWarmupCalls = 1): Promise<Measurement> {
  let calls = 0;
  let last = 0;
  const w0 = now();
  while (calls < minWarmupCalls || now() - w0 < opts.warmupSeconds) {
    const t0 = now();
    await fn();
    last = now() - t0;
    calls++;
  }
  // Size the batch; a last warm-up call long enough already does (no extra untimed call).
  const target = opts.minSeconds / opts.minBatches;
  let n = 1;
  let dt = last;
  while (dt < target / 4 && n < 1 << 24) {
    n *= 2;
    const t0 = now();
    for (let i = 0; i < n; i++) await fn();
    dt = now() - t0;
  }
  const callsPerBatch = batchSize(n, dt, target);
  const perCall: number[] = [];
  let total = 0;
  while (!enough(perCall, total, opts)) {
    const t0 = now();
    for (let i = 0; i < callsPerBatch; i++) await fn();
    const t = now() - t0;
    perCall.push(t / callsPerBatch);
    total += t;
  }
  return summarize(perCall, callsPerBatch, total);
}
