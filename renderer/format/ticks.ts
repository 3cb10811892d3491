// Axis ticks and number labels: round values a reader can take in at a glance.

// Round ticks are shared with the exported figures.
import { formatTick, niceStep, niceTicks } from '../../engine/io/figure/ticks.js';

export { formatTick, niceStep, niceTicks };

/** A value for display: four significant digits, exponent notation when very large or small. */
export function formatValue(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const text = magnitude >= 1e5 || magnitude < 1e-3 ? value.toExponential(2) : String(Number(value.toPrecision(4)));
  return minus(text);
}

function minus(text: string): string {
  return text.replace(/^-/, '−').replace('e-', 'e−');
}

/** m·10^k as a tick label: plain for moderate k, else compact exponent notation (5e−6). */
export function formatScaled(m: number, k: number): string {
  return k >= -3 && k <= 4 ? formatValue(m * 10 ** k) : minus(`${m}e${k}`);
}

/** A tick on a value axis: where it sits (in plotted units) and what it reads. */
export interface ValueTick {
  at: number;
  label: string;
}

/** Ticks for plotted values in [min, max]: linear, or log₁₀ of the values (labelled with the values). */
export function valueTicks(min: number, max: number, log: boolean, target = 5): ValueTick[] {
  if (!log) {
    const step = niceStep(min, max, target);
    return niceTicks(min, max, target).map((t) => ({ at: t, label: formatTick(t, step) }));
  }
  if (!(max > min)) return [{ at: min, label: formatValue(10 ** min) }];
  // Decades: 1, 10, 100 … (every stride-th when there are many).
  const decades = Math.floor(max) - Math.ceil(min) + 1;
  if (max - min > 2.5) {
    const stride = Math.max(1, Math.ceil(decades / (target + 1)));
    const ticks: ValueTick[] = [];
    for (let k = Math.ceil(min); k <= max + 1e-9; k += stride) ticks.push({ at: k, label: formatScaled(1, k) });
    return ticks;
  }
  // Up to two and a half decades: 1, 2 and 5 times powers of ten, or round values if even those are too few.
  const ticks: ValueTick[] = [];
  for (let k = Math.floor(min); k <= Math.ceil(max); k++) {
    for (const m of [1, 2, 5]) {
      const at = Math.log10(m) + k;
      if (at >= min - 1e-9 && at <= max + 1e-9) ticks.push({ at, label: formatScaled(m, k) });
    }
  }
  if (ticks.length >= 3) return ticks;
  const lo = 10 ** min;
  const hi = 10 ** max;
  return niceTicks(lo, hi, target)
    .filter((v) => v > 0)
    .map((v) => ({ at: Math.log10(v), label: formatValue(v) }));
}
