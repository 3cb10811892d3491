/** An append-only Float64Array that doubles its capacity, so recording a value per step never copies the history each time. */
export interface Growable {
  push(value: number): void;
  /** The values so far (a copy of exactly that length). */
  values(): Float64Array;
  readonly length: number;
}

/** An empty growable array. */
export function growable(initialCapacity = 256): Growable {
  let data = new Float64Array(initialCapacity);
  let length = 0;
  return {
    push(value) {
      if (length === data.length) {
        const bigger = new Float64Array(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[length++] = value;
    },
    values: () => data.slice(0, length),
    get length() {
      return length;
    },
  };
}
