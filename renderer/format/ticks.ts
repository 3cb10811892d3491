// Axis ticks and number labels: round values a reader can take in at a glance.

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
  return minus(value.toFixed(decimals));
}

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
