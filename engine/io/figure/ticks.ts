// Axis ticks and number labels for exported figures: round values a reader takes in at a
// glance (the renderer's rules, kept here so the engine's exporters stand alone).

/** The step between ticks: 1, 2, 2.5 or 5 times a power of ten, about (max − min)/target. */
export function niceStep(min: number, max: number, target: number): number {
  const raw = (max - min) / Math.max(1, target);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** About `target` round tick values inside [min, max], in increasing order. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!(max > min)) return [min];
  const step = niceStep(min, max, target);
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
    ticks.push(Math.abs(k * step) < step * 1e-9 ? 0 : k * step);
  }
  return ticks;
}

/** A tick label with as many decimals as `step` needs, and a real minus sign. */
export function formatTick(value: number, step: number): string {
  let decimals = 0;
  while (decimals < 6 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-6) decimals++;
  return value.toFixed(decimals).replace(/^-/, '−');
}

/** Labelled ticks of an axis: where each sits and what it reads. */
export function axisTicks(min: number, max: number, target = 5): { at: number; label: string }[] {
  const step = niceStep(min, max, target);
  return niceTicks(min, max, target).map((at) => ({ at, label: formatTick(at, step) }));
}

/** Ticks of a log₁₀ axis, labelled with the values (1, 10, 100 or 1, 2, 5 per decade). */
export function logTicks(min: number, max: number, target = 5): { at: number; label: string }[] {
  const label = (v: number) => (v >= 1e4 || v < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(3)))).replace('e-', 'e−');
  const ticks: { at: number; label: string }[] = [];
  const decades = Math.floor(max) - Math.ceil(min) + 1;
  const factors = decades >= 2 ? [1] : [1, 2, 5];
  const stride = Math.max(1, Math.ceil(decades / (target + 1)));
  for (let k = Math.floor(min); k <= Math.ceil(max); k += factors.length > 1 ? 1 : stride) {
    for (const m of factors) {
      const at = k + Math.log10(m);
      if (at >= min - 1e-9 && at <= max + 1e-9) ticks.push({ at, label: label(m * 10 ** k) });
    }
  }
  return ticks.length >= 2 ? ticks : axisTicks(min, max, target).map(({ at }) => ({ at, label: label(10 ** at) }));
}
