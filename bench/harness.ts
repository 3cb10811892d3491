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
  const callsPerBatch = Math.max(1, Math.round((n * target) / Math.max(dt, 1e-9)));
  // Timed batches.
  const perCall: number[] = [];
  let total = 0;
  const enough = (): boolean =>
    perCall.length >= opts.maxBatches ||
    (perCall.length >= opts.minBatches && total >= opts.minSeconds) ||
    (perCall.length >= 3 && total >= 5 * opts.minSeconds); // a slow case: 3 batches will do
  while (!enough()) {
    const t0 = now();
    for (let i = 0; i < callsPerBatch; i++) fn();
    const t = now() - t0;
    perCall.push(t / callsPerBatch);
    total += t;
  }
  const med = median(perCall);
  return {
    secondsPerCall: med,
    batches: perCall.length,
    callsPerBatch,
    spread: (quantile(perCall, 0.75) - quantile(perCall, 0.25)) / med,
    totalSeconds: total,
  };
}
