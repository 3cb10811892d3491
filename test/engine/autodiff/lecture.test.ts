// The lecture's worked examples, against their closed forms.
import { describe, expect, it } from 'vitest';
import * as E from '../../../engine/index.js';

const scalar = (v: number) => E.tensor(v);
const close = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('the lecture: y₁ = sin(w₁x + w₀), y₂ = cos(w₁x + w₀)', () => {
  const points = [
    [0.3, -1.2, 0.7],
    [-2.1, 0.4, 3.3],
    [1.0, 2.0, -0.5],
  ];
  const a3 = (w0: E.Tensor, w1: E.Tensor, x: E.Tensor) => E.add(E.mul(w1, x), w0);
  // Both outputs from one function, stacked as a vector [y₁, y₂].
  const ys = (w0: E.Tensor, w1: E.Tensor, x: E.Tensor) =>
    E.add(E.mul(E.sin(a3(w0, w1, x)), E.tensor([1, 0])), E.mul(E.cos(a3(w0, w1, x)), E.tensor([0, 1])));

  for (const [w0, w1, x] of points) {
    it(`one forward pass seeded on w₁ gives both ∂y/∂w₁ at (w₀, w₁, x) = (${w0}, ${w1}, ${x})`, () => {
      const [y, dy] = E.jvp(ys, [scalar(w0), scalar(w1), scalar(x)], [scalar(0), scalar(1), scalar(0)]);
      const a = w1 * x + w0;
      close(y.data[0], Math.sin(a), 1e-14);
      close(y.data[1], Math.cos(a), 1e-14);
      close(dy.data[0], x * Math.cos(a), 1e-14);
      close(dy.data[1], -x * Math.sin(a), 1e-14);
    });

    it(`one reverse pass for y₂ gives ∂y₂/∂w₀, ∂y₂/∂w₁, ∂y₂/∂x at (${w0}, ${w1}, ${x})`, () => {
      const y2 = (a: E.Tensor, b: E.Tensor, c: E.Tensor) => E.cos(a3(a, b, c));
      const [y, pullback] = E.vjp(y2, [scalar(w0), scalar(w1), scalar(x)]);
      const [dw0, dw1, dx] = pullback(scalar(1));
      const a = w1 * x + w0;
      close(y.data[0], Math.cos(a), 1e-14);
      close(dw0.data[0], -Math.sin(a), 1e-14);
      close(dw1.data[0], -x * Math.sin(a), 1e-14);
      close(dx.data[0], -w1 * Math.sin(a), 1e-14);
    });
  }
});

describe('the lecture: the Jacobian of f(x, y) = [x², y², 2xy]', () => {
  const f = (v: E.Tensor) => {
    const x = E.sum(E.mul(v, E.tensor([1, 0])));
    const y = E.sum(E.mul(v, E.tensor([0, 1])));
    return E.add(
      E.add(E.mul(E.square(x), E.tensor([1, 0, 0])), E.mul(E.square(y), E.tensor([0, 1, 0]))),
      E.mul(E.mul(E.mul(x, y), 2), E.tensor([0, 0, 1])),
    );
  };

  for (const [x, y] of [
    [1.5, -2],
    [0.25, 3],
  ]) {
    it(`jacfwd and jacrev both give [[2x, 0], [0, 2y], [2y, 2x]] at (${x}, ${y})`, () => {
      const expected = [2 * x, 0, 0, 2 * y, 2 * y, 2 * x];
      for (const jac of [E.jacfwd, E.jacrev]) {
        const J = jac(f)(E.tensor([x, y]));
        expect(J.shape).toEqual([3, 2]);
        expect([...J.data]).toEqual(expected);
      }
    });
  }
});
