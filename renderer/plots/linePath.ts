// Polylines for SVG line plots: data to an SVG path, skipping gaps (non-finite values).

/** An SVG path through (xs[k], ys[k]) mapped by sx, sy; non-finite points break the line. */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>, sx: (x: number) => number, sy: (y: number) => number): string {
  let d = '';
  let pen = false;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    const y = ys[k];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(x).toFixed(1)} ${sy(y).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** At most `max` points of a long series, evenly thinned (the last point always kept). */
export function thin(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, k) => k);
  const stride = n / max;
  const picked = Array.from({ length: max }, (_, k) => Math.floor(k * stride));
  if (picked.at(-1) !== n - 1) picked.push(n - 1);
  return picked;
}
