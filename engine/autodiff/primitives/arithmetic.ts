// Elementwise arithmetic with numpy broadcasting. Rules return per-input contributions;
// the walker broadcasts tangents and sums cotangents back to each input's shape.
import { binary } from '../../tensor/kernels.js';
import { asTensor, fromData, full, zeros, type Operand, type Tensor } from '../../tensor/tensor.js';
import { definePrimitive } from '../primitive.js';
import { bind } from '../trace.js';

const addP = definePrimitive({
  name: 'add',
  impl: ([a, b]) => binary('add', a, b),
  jvp: [(t) => t, (t) => t],
  vjp: [(g) => g, (g) => g],
});

const subP = definePrimitive({
  name: 'sub',
  impl: ([a, b]) => binary('sub', a, b),
  jvp: [(t) => t, (t) => neg(t)],
  vjp: [(g) => g, (g) => neg(g)],
});

const mulP = definePrimitive({
  name: 'mul',
  impl: ([a, b]) => binary('mul', a, b),
  jvp: [(t, _, [, b]) => mul(t, b), (t, _, [a]) => mul(a, t)],
  vjp: [(g, _, [, b]) => mul(g, b), (g, _, [a]) => mul(g, a)],
});

const divP = definePrimitive({
  name: 'div',
  impl: ([a, b]) => binary('div', a, b),
  jvp: [(t, _, [, b]) => div(t, b), (t, ans, [, b]) => neg(mul(t, div(ans, b)))],
  vjp: [(g, _, [, b]) => div(g, b), (g, ans, [, b]) => neg(mul(g, div(ans, b)))],
});

const negP = definePrimitive({
  name: 'neg',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = -x.data[i];
    return fromData(out, x.shape);
  },
  jvp: [(t) => neg(t)],
  vjp: [(g) => neg(g)],
});

const powP = definePrimitive<number>({
  name: 'pow',
  impl: ([x], p) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.pow(x.data[i], p);
    return fromData(out, x.shape);
  },
  jvp: [(t, _, [x], p) => mul(t, dpow(x, p))],
  vjp: [(g, _, [x], p) => mul(g, dpow(x, p))],
});

/** d/dx xᵖ = p·xᵖ⁻¹, exact zero for p = 0 (so 0⁻¹ never appears). */
function dpow(x: Tensor, p: number): Tensor {
  if (p === 0) return zeros(x.shape);
  if (p === 1) return full(x.shape, 1);
  return mul(pow(x, p - 1), p);
}

/** a + b, broadcasting. */
export const add = (a: Operand, b: Operand): Tensor => bind(addP, [asTensor(a), asTensor(b)], undefined);
/** a − b, broadcasting. */
export const sub = (a: Operand, b: Operand): Tensor => bind(subP, [asTensor(a), asTensor(b)], undefined);
/** a · b elementwise, broadcasting. */
export const mul = (a: Operand, b: Operand): Tensor => bind(mulP, [asTensor(a), asTensor(b)], undefined);
/** a / b elementwise, broadcasting. */
export const div = (a: Operand, b: Operand): Tensor => bind(divP, [asTensor(a), asTensor(b)], undefined);
/** −x. */
export const neg = (x: Operand): Tensor => bind(negP, [asTensor(x)], undefined);
/** xᵖ elementwise for a constant exponent p. */
export const pow = (x: Operand, p: number): Tensor => bind(powP, [asTensor(x)], p);
/** x² elementwise. */
export const square = (x: Operand): Tensor => pow(x, 2);
/** √x elementwise. */
export const sqrt = (x: Operand): Tensor => pow(x, 0.5);
