// Every array a reader accepts holds finite numbers only: a NaN or ±Inf in weights, data or
// values is refused where it is read, with how many there are and where the first one is.

/** The count of non-finite entries and the index of the first, or null when all are finite. */
export function nonFinite(values: ArrayLike<number>): { count: number; first: number } | null {
  let count = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      if (count === 0) first = i;
      count++;
    }
  }
  return count === 0 ? null : { count, first };
}

/**
 * Throws `fail(message)` when `values` holds a NaN or ±Inf; `what` names the array (e.g.
 * `tensor "layers.0.weight"`) and `position` turns a flat index into words (default: "index i").
 */
export function checkFinite(
  values: ArrayLike<number>,
  what: string,
  fail: (message: string) => Error,
  position: (index: number) => string = (i) => `index ${i}`,
): void {
  const bad = nonFinite(values);
  if (!bad) return;
  const value = values[bad.first];
  const plural = bad.count === 1 ? 'value' : 'values';
  throw fail(`${what} holds ${bad.count} non-finite ${plural} (the first, ${String(value)}, at ${position(bad.first)}); every number must be finite`);
}

/** Words for flat index i of a C-order array of `shape`: `[row, column, …]`. */
export function elementOf(shape: readonly number[]): (index: number) => string {
  return (index) => {
    const at: number[] = [];
    for (let d = shape.length - 1; d >= 0; d--) {
      at.unshift(shape[d] > 0 ? index % shape[d] : 0);
      index = shape[d] > 0 ? Math.floor(index / shape[d]) : 0;
    }
    return `[${at.join(', ')}]`;
  };
}
