import { ValueError, formatShape } from '../errors.js';
import { sizeOf, type Shape } from './shape.js';

/** A dense float64 tensor in row-major order. A scalar has shape []. */
export interface Tensor {
  readonly shape: Shape;
  readonly data: Float64Array;
}

/** Wraps existing data without copying; checks that the sizes agree. */
export function fromData(data: Float64Array, shape: Shape): Tensor {
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ValueError(`tensor: shape ${formatShape(shape)} must hold non-negative integers`);
  }
  if (sizeOf(shape) !== data.length) {
    throw new ValueError(
      `tensor: ${data.length} values do not fill shape ${formatShape(shape)} (${sizeOf(shape)} needed)`,
    );
  }
  return { shape: [...shape], data };
}

/**
 * Makes a tensor from a number (shape []), a list ([n]), a list of rows ([r, c]) or a
 * Float64Array; `shape` reshapes the values (their count must match).
 */
export function tensor(values: number | number[] | number[][] | Float64Array, shape?: Shape): Tensor {
  if (typeof values === 'number') return fromData(Float64Array.of(values), shape ?? []);
  if (values instanceof Float64Array) return fromData(values.slice(), shape ?? [values.length]);
  if (values.length > 0 && Array.isArray(values[0])) {
    const rows = values as number[][];
    const cols = rows[0].length;
    const bad = rows.findIndex((r) => r.length !== cols);
    if (bad >= 0) {
      throw new ValueError(`tensor: row ${bad} has ${rows[bad].length} values, row 0 has ${cols}`);
    }
    return fromData(Float64Array.from(rows.flat()), shape ?? [rows.length, cols]);
  }
  const flat = values as number[];
  return fromData(Float64Array.from(flat), shape ?? [flat.length]);
}

/** A tensor of the given shape filled with `value`. */
export function full(shape: Shape, value: number): Tensor {
  return fromData(new Float64Array(sizeOf(shape)).fill(value), shape);
}

export function zeros(shape: Shape): Tensor {
  return fromData(new Float64Array(sizeOf(shape)), shape);
}

export function ones(shape: Shape): Tensor {
  return full(shape, 1);
}

/** The i-th standard basis tensor of a shape (1 at flat index i, 0 elsewhere). */
export function basis(shape: Shape, i: number): Tensor {
  const t = zeros(shape);
  t.data[i] = 1;
  return t;
}

/** The value of a one-element tensor. */
export function item(x: Tensor): number {
  if (x.data.length !== 1) {
    throw new ValueError(`item: expected one value, got shape ${formatShape(x.shape)}`);
  }
  return x.data[0];
}

/** Nested arrays in numpy's `tolist()` layout, for JSON files and tests. */
export function toNested(x: Tensor): number | unknown[] {
  if (x.shape.length === 0) return x.data[0];
  const build = (axis: number, offset: number): unknown[] => {
    const n = x.shape[axis];
    const step = sizeOf(x.shape.slice(axis + 1));
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      out[i] = axis === x.shape.length - 1 ? x.data[offset + i] : build(axis + 1, offset + i * step);
    }
    return out;
  };
  return build(0, 0);
}

/** What ops accept: a tensor or a plain number (a scalar). */
export type Operand = Tensor | number;

/** Lifts a plain number to a scalar tensor. */
export function asTensor(x: Operand): Tensor {
  return typeof x === 'number' ? fromData(Float64Array.of(x), []) : x;
}
