// Every registered primitive, from a table of cases: forward and reverse mode against
// central differences and the adjoint identity, to second order.
import { describe, expect, it } from 'vitest';
import * as E from '../../../engine/index.js';
import { checkGrads } from '../../utils/checkGrads.js';

type Domain = 'real' | 'positive' | 'awayFromZero';

interface Case {
  shapes: number[][];
  f: E.Fn;
  domain?: Domain;
}

const cases: Record<string, Case[]> = {
  add: [{ shapes: [[3, 4], [4]], f: E.add }, { shapes: [[2, 1], [1, 3]], f: E.add }],
  sub: [{ shapes: [[2, 3], [2, 1]], f: E.sub }],
  mul: [{ shapes: [[3, 4], [3, 4]], f: E.mul }, { shapes: [[], [2, 3]], f: E.mul }],
  div: [{ shapes: [[3], [2, 3]], f: E.div, domain: 'positive' }],
  neg: [{ shapes: [[5]], f: E.neg }],
  pow: [
    { shapes: [[4]], f: (x) => E.pow(x, 3) },
    { shapes: [[4]], f: (x) => E.pow(x, 0.5), domain: 'positive' },
    { shapes: [[2, 2]], f: (x) => E.pow(x, -1.5), domain: 'positive' },
  ],
  exp: [{ shapes: [[2, 3]], f: E.exp }],
  log: [{ shapes: [[5]], f: E.log, domain: 'positive' }],
  sin: [{ shapes: [[5]], f: E.sin }],
  cos: [{ shapes: [[5]], f: E.cos }],
  tanh: [{ shapes: [[2, 3]], f: E.tanh }],
  sigmoid: [{ shapes: [[2, 3]], f: E.sigmoid }],
  softplus: [{ shapes: [[6]], f: E.softplus }],
  relu: [{ shapes: [[6]], f: E.relu, domain: 'awayFromZero' }],
  step: [],
  matmul: [
    { shapes: [[3, 4], [4, 2]], f: E.matmul },
    { shapes: [[4], [4, 2]], f: E.matmul },
  ],
  reshape: [{ shapes: [[2, 6]], f: (x) => E.reshape(x, [3, -1]) }],
  transpose: [{ shapes: [[2, 3, 4]], f: (x) => E.transpose(x, [2, 0, 1]) }],
  broadcastTo: [{ shapes: [[3, 1]], f: (x) => E.broadcastTo(x, [2, 3, 4]) }],
  slice: [{ shapes: [[7]], f: (x) => E.slice(x, 2, 5) }, { shapes: [[2, 5, 3]], f: (x) => E.slice(x, 1, 4, 1) }],
  pad: [{ shapes: [[3]], f: (x) => E.pad(x, 2, 7) }, { shapes: [[2, 3]], f: (x) => E.pad(x, 1, 5, -1) }],
  sumTo: [{ shapes: [[2, 3, 4]], f: (x) => E.sumTo(x, [3, 1]) }],
  sum: [{ shapes: [[3, 4, 2]], f: (x) => E.sum(x, 1) }, { shapes: [[3, 4]], f: (x) => E.sum(x) }],
  logsumexp: [{ shapes: [[3, 4]], f: (x) => E.logsumexp(x, -1) }, { shapes: [[5]], f: (x) => E.logsumexp(x) }],
};

function sample(shape: number[], domain: Domain, rng: E.Rng): E.Tensor {
  const values = Float64Array.from({ length: E.sizeOf(shape) }, () => {
    const u = rng.uniform();
    if (domain === 'positive') return 0.5 + 1.5 * u;
    if (domain === 'awayFromZero') return (rng.uniform() < 0.5 ? -1 : 1) * (0.2 + u);
    return 4 * u - 2;
  });
  return E.fromData(values, shape);
}

describe('primitives', () => {
  it('every registered primitive has a row in the case table', () => {
    expect(Object.keys(cases).sort()).toEqual(E.primitiveNames().sort());
  });

  for (const [name, rows] of Object.entries(cases)) {
    rows.forEach((row, k) => {
      it(`${name} #${k}: jvp and vjp match central differences and each other, to second order`, () => {
        const rng = E.createRng(7, `${name}:${k}`);
        for (let trial = 0; trial < 3; trial++) {
          const xs = row.shapes.map((s) => sample(s, row.domain ?? 'real', rng));
          checkGrads(row.f, xs, { rng, order: 2 });
        }
      });
    });
  }

  it('step carries no derivative: zero tangent and zero cotangent', () => {
    const x = E.tensor([-1, 0, 2]);
    const [y, t] = E.jvp(E.step, [x], [E.tensor([1, 1, 1])]);
    expect([...y.data]).toEqual([0, 0, 1]);
    expect([...t.data]).toEqual([0, 0, 0]);
    expect([...E.vjp(E.step, [x])[1](E.tensor([1, 1, 1]))[0].data]).toEqual([0, 0, 0]);
  });
});
