// JAX's transforms over the trace machinery: jvp (forward mode), vjp (reverse mode) and
// what composes from them. Functions map tensors to a tensor.
import { ValueError, formatShape } from '../errors.js';
import { shapesEqual, sizeOf, type Shape } from '../tensor/shape.js';
import { basis, fromData, zeros, type Tensor } from '../tensor/tensor.js';
import { add, mul } from './primitives/arithmetic.js';
import { reshape, transpose } from './primitives/structure.js';
import { Box, JvpBox, VjpBox, backward, leafNode, newTrace } from './trace.js';

export type Fn = (...xs: Tensor[]) => Tensor;

/**
 * Forward mode: f(primals) and its directional derivative J·tangents, in one pass
 * (the lecture's ȧ). Inputs without influence on the output give a zero tangent.
 */
export function jvp(f: Fn, primals: Tensor[], tangents: Tensor[]): [Tensor, Tensor] {
  if (tangents.length !== primals.length) {
    throw new ValueError(`jvp: ${primals.length} primals but ${tangents.length} tangents`);
  }
  primals.forEach((p, i) => {
    if (!shapesEqual(p.shape, tangents[i].shape)) {
      throw new ValueError(`jvp: tangent ${i} has shape ${formatShape(tangents[i].shape)}, its primal ${formatShape(p.shape)}`);
    }
  });
  const trace = newTrace('jvp');
  const out = f(...primals.map((p, i) => new JvpBox(trace, p, tangents[i])));
  if (out instanceof JvpBox && out.trace === trace) return [out.primal, out.tangent];
  return [out, zeros(out.shape)];
}

/**
 * Reverse mode: f(primals) and its pullback, which maps an output cotangent v to Jᵀ·v for
 * every input at once (the lecture's ā), running the recorded tape backwards.
 */
export function vjp(f: Fn, primals: Tensor[]): [Tensor, (cotangent: Tensor) => Tensor[]] {
  const trace = newTrace('vjp');
  const leaves = primals.map((p) => leafNode(p));
  const out = f(...primals.map((p, i) => new VjpBox(trace, p, leaves[i])));
  const root = out instanceof VjpBox && out.trace === trace ? out : null;
  const value = root ? root.primal : out;
  const pullback = (cotangent: Tensor): Tensor[] => {
    if (!shapesEqual(cotangent.shape, value.shape)) {
      throw new ValueError(`vjp: cotangent of shape ${formatShape(cotangent.shape)} for an output of shape ${formatShape(value.shape)}`);
    }
    const cts = root ? backward(root.node, cotangent) : new Map();
    return primals.map((p, i) => cts.get(leaves[i]) ?? zeros(p.shape));
  };
  return [value, pullback];
}

/** f's value and its gradient with respect to argument `argnum`; f must return a scalar. */
export function valueAndGrad(f: Fn, argnum = 0): (...xs: Tensor[]) => [Tensor, Tensor] {
  return (...xs) => {
    const [value, pullback] = vjp(f, xs);
    if (value.shape.length !== 0) {
      throw new ValueError(
        `grad: f must return a scalar (shape []), but it returned shape ${formatShape(value.shape)}; ` +
          `use jacrev or vjp for non-scalar outputs`,
      );
    }
    return [value, pullback(fromData(Float64Array.of(1), []))[argnum]];
  };
}

/** ∇f with respect to argument `argnum`; f must return a scalar. */
export function grad(f: Fn, argnum = 0): (...xs: Tensor[]) => Tensor {
  const vg = valueAndGrad(f, argnum);
  return (...xs) => vg(...xs)[1];
}

/**
 * Lays out vectors v_k as the slices of a Jacobian: `leading` puts k on the leading axes
 * (rows, for jacrev), otherwise on the trailing axes (columns, for jacfwd). Concrete
 * values are copied; traced ones are assembled with ops, so Jacobians nest (hessian).
 */
function assemble(vectors: Tensor[], indexShape: Shape, vectorShape: Shape, leading: boolean): Tensor {
  const k = vectors.length;
  const m = sizeOf(vectorShape);
  const shape = leading ? [...indexShape, ...vectorShape] : [...vectorShape, ...indexShape];
  if (!vectors.some((v) => v instanceof Box)) {
    const data = new Float64Array(k * m);
    vectors.forEach((v, i) => {
      if (leading) data.set(v.data, i * m);
      else for (let j = 0; j < m; j++) data[j * k + i] = v.data[j];
    });
    return fromData(data, shape);
  }
  let rows: Tensor = zeros([k, m]);
  vectors.forEach((v, i) => {
    rows = add(rows, mul(reshape(basis([k], i), [k, 1]), reshape(v, [1, m])));
  });
  return reshape(leading ? rows : transpose(rows), shape);
}

/** The Jacobian of a one-argument f by forward mode, one jvp per input entry: shape [...out, ...in]. */
export function jacfwd(f: Fn): (x: Tensor) => Tensor {
  return (x) => {
    const n = sizeOf(x.shape);
    let outShape: Shape = [];
    const columns = Array.from({ length: n }, (_, j) => {
      const [y, t] = jvp(f, [x], [basis(x.shape, j)]);
      outShape = y.shape;
      return t;
    });
    if (n === 0) outShape = f(x).shape;
    return assemble(columns, x.shape, outShape, false);
  };
}

/** The Jacobian of a one-argument f by reverse mode, one pullback per output entry: shape [...out, ...in]. */
export function jacrev(f: Fn): (x: Tensor) => Tensor {
  return (x) => {
    const [y, pullback] = vjp(f, [x]);
    const rows = Array.from({ length: sizeOf(y.shape) }, (_, i) => pullback(basis(y.shape, i))[0]);
    return assemble(rows, y.shape, x.shape, true);
  };
}

/** The Hessian of a scalar f, forward over reverse: shape [...in, ...in]. */
export function hessian(f: Fn): (x: Tensor) => Tensor {
  return jacfwd(jacrev(f));
}

/** The Hessian-vector product H(x)·v, exact: the jvp of the gradient (forward over reverse). */
export function hvp(f: Fn, x: Tensor, v: Tensor): Tensor {
  return jvp(grad(f), [x], [v])[1];
}
