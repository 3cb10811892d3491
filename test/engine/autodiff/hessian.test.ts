// Second derivatives: hvp is forward over reverse and exact; Hessians are symmetric and
// match closed forms.
import { describe, expect, it } from 'vitest';
import * as E from '../../../engine/index.js';
import { directionalDifference } from '../../utils/checkGrads.js';

const rng = E.createRng(11, 'hessian tests');
const randn = (shape: number[]) => E.fromData(Float64Array.from({ length: E.sizeOf(shape) }, () => rng.normal()), shape);

function maxAbs(a: Float64Array): number {
  return a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

function expectSymmetric(H: E.Tensor, tol: number) {
  const n = H.shape[0];
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) {
    expect(Math.abs(H.data[i * n + j] - H.data[j * n + i])).toBeLessThanOrEqual(tol * Math.max(1, maxAbs(H.data)));
  }
}

/** A small two-layer network loss of a flat parameter vector (tanh hidden, softmax output). */
function mlpLoss(X: E.Tensor, Y: E.Tensor, hidden: number): E.Fn {
  const d = X.shape[1];
  const c = Y.shape[1];
  return (theta) => {
    const W1 = E.reshape(E.slice(theta, 0, hidden * d), [hidden, d]);
    const W2 = E.reshape(E.slice(theta, hidden * d, hidden * d + c * hidden), [c, hidden]);
    const Z = E.tanh(E.matmul(X, E.transpose(W1)));
    return E.softmaxCrossEntropy(E.matmul(Z, E.transpose(W2)), Y);
  };
}

describe('hvp and hessian', () => {
  const X = randn([8, 3]);
  const Y = E.fromData(Float64Array.from({ length: 8 * 2 }, (_, i) => (i % 2 === Math.floor(i / 2) % 2 ? 1 : 0)), [8, 2]);
  const f = mlpLoss(X, Y, 4);
  const P = 4 * 3 + 2 * 4;
  const theta = randn([P]);

  it('hvp equals hessian(f)·v and central differences of grad', () => {
    const H = E.hessian(f)(theta);
    expect(H.shape).toEqual([P, P]);
    for (let k = 0; k < 3; k++) {
      const v = randn([P]);
      const hv = E.hvp(f, theta, v);
      const Hv = E.matmul(H, v);
      expect(maxAbs(hv.data.map((x, i) => x - Hv.data[i]))).toBeLessThanOrEqual(1e-13 * maxAbs(Hv.data));
      const fd = directionalDifference(E.grad(f), [theta], [v], 1e-5);
      expect(maxAbs(hv.data.map((x, i) => x - fd[i]))).toBeLessThanOrEqual(1e-7 * maxAbs(fd));
    }
  });

  it('the Hessian of a network loss is symmetric to 1e-12', () => {
    expectSymmetric(E.hessian(f)(theta), 1e-12);
  });

  it('tanh″(x) = −2 tanh(x)(1 − tanh²(x))', () => {
    const x = E.tensor([-1.3, 0.2, 0.9]);
    const H = E.hessian((v) => E.sum(E.tanh(v)))(x);
    x.data.forEach((v, i) => {
      const t = Math.tanh(v);
      expect(H.data[i * 3 + i]).toBeCloseTo(-2 * t * (1 - t * t), 14);
    });
    expect(H.data[1]).toBe(0);
  });

  it('σ″(x) = σ(x)(1 − σ(x))(1 − 2σ(x))', () => {
    const x = E.tensor([-2.5, 0.1, 3.0]);
    const H = E.hessian((v) => E.sum(E.sigmoid(v)))(x);
    x.data.forEach((v, i) => {
      const s = 1 / (1 + Math.exp(-v));
      expect(H.data[i * 3 + i]).toBeCloseTo(s * (1 - s) * (1 - 2 * s), 14);
    });
  });

  it('the Hessian of logsumexp is diag(p) − p·pᵀ with p = softmax(x)', () => {
    const x = E.tensor([0.5, -1, 2, 0]);
    const H = E.hessian((v) => E.logsumexp(v))(x);
    const e = [...x.data].map(Math.exp);
    const z = e.reduce((a, b) => a + b);
    const p = e.map((v) => v / z);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      expect(H.data[i * 4 + j]).toBeCloseTo((i === j ? p[i] : 0) - p[i] * p[j], 14);
    }
    expectSymmetric(H, 1e-12);
  });

  it('the Hessian of softmax cross-entropy in the logits is (diag(p) − p·pᵀ)/N', () => {
    const u = E.tensor([[1.5, -0.5, 0.25]]);
    const y = E.tensor([[0, 1, 0]]);
    const H = E.hessian((v) => E.softmaxCrossEntropy(E.reshape(v, [1, 3]), y))(E.reshape(u, [3]));
    const e = [...u.data].map(Math.exp);
    const z = e.reduce((a, b) => a + b);
    const p = e.map((v) => v / z);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      expect(H.data[i * 3 + j]).toBeCloseTo((i === j ? p[i] : 0) - p[i] * p[j], 14);
    }
  });

  it('jvp of jvp: the second derivative of sin is −sin, exactly', () => {
    const x = E.tensor(0.7);
    const d2 = E.jvp((a) => E.jvp(E.sin, [a], [E.tensor(1)])[1], [x], [E.tensor(1)])[1];
    expect(d2.data[0]).toBe(-Math.sin(0.7));
  });
});
