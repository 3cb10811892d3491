// Elementwise nonlinearities. Each kernel is its own loop (no per-element callbacks);
// each derivative rule reuses the output `ans` where the calculus allows.
import { fromData, asTensor, type Operand, type Tensor } from '../../tensor/tensor.js';
import { definePrimitive } from '../primitive.js';
import { bind } from '../trace.js';
import { div, mul, sub } from './arithmetic.js';

function same(x: Tensor, out: Float64Array): Tensor {
  return fromData(out, x.shape);
}

const expP = definePrimitive({
  name: 'exp',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(x.data[i]);
    return same(x, out);
  },
  jvp: [(t, ans) => mul(t, ans)],
  vjp: [(g, ans) => mul(g, ans)],
});

const logP = definePrimitive({
  name: 'log',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.log(x.data[i]);
    return same(x, out);
  },
  jvp: [(t, _, [x]) => div(t, x)],
  vjp: [(g, _, [x]) => div(g, x)],
});

const sinP = definePrimitive({
  name: 'sin',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.sin(x.data[i]);
    return same(x, out);
  },
  jvp: [(t, _, [x]) => mul(t, cos(x))],
  vjp: [(g, _, [x]) => mul(g, cos(x))],
});

const cosP = definePrimitive({
  name: 'cos',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.cos(x.data[i]);
    return same(x, out);
  },
  jvp: [(t, _, [x]) => mul(t, mul(sin(x), -1))],
  vjp: [(g, _, [x]) => mul(g, mul(sin(x), -1))],
});

/** 1 − ans²: tanh′ expressed through tanh's own output. */
const tanhSlope = (ans: Tensor) => sub(1, mul(ans, ans));

const tanhP = definePrimitive({
  name: 'tanh',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.tanh(x.data[i]);
    return same(x, out);
  },
  jvp: [(t, ans) => mul(t, tanhSlope(ans))],
  vjp: [(g, ans) => mul(g, tanhSlope(ans))],
});

/** σ(1 − σ): the logistic function's slope through its own output. */
const sigmoidSlope = (ans: Tensor) => mul(ans, sub(1, ans));

const sigmoidP = definePrimitive({
  name: 'sigmoid',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) {
      const v = x.data[i];
      // Two branches so that exp never overflows: exact 0 and 1 at ∓1000, never NaN.
      if (v >= 0) out[i] = 1 / (1 + Math.exp(-v));
      else {
        const e = Math.exp(v);
        out[i] = e / (1 + e);
      }
    }
    return same(x, out);
  },
  jvp: [(t, ans) => mul(t, sigmoidSlope(ans))],
  vjp: [(g, ans) => mul(g, sigmoidSlope(ans))],
});

const softplusP = definePrimitive({
  name: 'softplus',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    // log(1 + eˣ) = max(x, 0) + log1p(e^−|x|): finite and exact to rounding for any x.
    for (let i = 0; i < out.length; i++) {
      const v = x.data[i];
      out[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    }
    return same(x, out);
  },
  jvp: [(t, _, [x]) => mul(t, sigmoid(x))],
  vjp: [(g, _, [x]) => mul(g, sigmoid(x))],
});

/** The unit step 1[x > 0], with step(0) = 0; piecewise constant, so it has no rules. */
const stepP = definePrimitive({
  name: 'step',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = x.data[i] > 0 ? 1 : 0;
    return same(x, out);
  },
});

const reluP = definePrimitive({
  name: 'relu',
  impl: ([x]) => {
    const out = new Float64Array(x.data.length);
    for (let i = 0; i < out.length; i++) out[i] = x.data[i] > 0 ? x.data[i] : 0;
    return same(x, out);
  },
  // ReLU′(0) = 0, as in the lecture.
  jvp: [(t, _, [x]) => mul(t, step(x))],
  vjp: [(g, _, [x]) => mul(g, step(x))],
});

/** eˣ elementwise. */
export const exp = (x: Operand): Tensor => bind(expP, [asTensor(x)], undefined);
/** Natural logarithm elementwise. */
export const log = (x: Operand): Tensor => bind(logP, [asTensor(x)], undefined);
/** sin x elementwise (radians). */
export const sin = (x: Operand): Tensor => bind(sinP, [asTensor(x)], undefined);
/** cos x elementwise (radians). */
export const cos = (x: Operand): Tensor => bind(cosP, [asTensor(x)], undefined);
/** tanh x elementwise. */
export const tanh = (x: Operand): Tensor => bind(tanhP, [asTensor(x)], undefined);
/** The logistic function σ(x) = 1 / (1 + e⁻ˣ), stable for any x. */
export const sigmoid = (x: Operand): Tensor => bind(sigmoidP, [asTensor(x)], undefined);
/** softplus(x) = log(1 + eˣ), stable for any x. */
export const softplus = (x: Operand): Tensor => bind(softplusP, [asTensor(x)], undefined);
/** max(x, 0) elementwise, with derivative 0 at 0. */
export const relu = (x: Operand): Tensor => bind(reluP, [asTensor(x)], undefined);
/** 1 where x > 0, else 0; carries no derivative. */
export const step = (x: Operand): Tensor => bind(stepP, [asTensor(x)], undefined);
