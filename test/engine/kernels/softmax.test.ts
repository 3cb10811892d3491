// The WebAssembly softmax kernel against the TypeScript loss it stands in for.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../engine/index.js';
import { instantiateKernels } from '../../../engine/kernels/kernels.js';
import { lossSumsOnLogits } from '../../../engine/nn/fast/loss.js';
import { validateSpec } from '../../../engine/nn/index.js';

const ROWS = 37;

function compare(k: number, logit: (i: number, c: number) => number) {
  const spec = validateSpec({ inputs: 1, hidden: [], outputs: k, loss: 'softmax-ce', bias: true, residual: 0, weightDecay: 0 });
  const rng = createRng(3, `softmax ${k}`);
  const G = 3;
  const { exports: wasm, f64: a, at } = instantiateKernels({ logits: G * ROWS * k, targets: ROWS * k, sums: 2 * G }, {});
  for (let i = 0; i < G * ROWS; i++) for (let c = 0; c < k; c++) a.logits[i * k + c] = logit(i, c) + rng.normal();
  for (let i = 0; i < ROWS; i++) a.targets[i * k + ((i * 5) % k)] = 1;
  a.targets[k] = 0.25; // one soft target row
  a.targets[k + 1] = 0.75;
  wasm.softmaxSums(at.logits, at.targets, ROWS, k, G, at.sums);
  for (let g = 0; g < G; g++) {
    const want = lossSumsOnLogits(spec, a.logits.subarray(g * ROWS * k, (g + 1) * ROWS * k), a.targets, ROWS, null);
    expect(a.sums[2 * g + 1], `correct at ${g}`).toBe(want.correct);
    if (Number.isNaN(want.loss)) expect(a.sums[2 * g]).toBeNaN();
    else expect(Math.abs(a.sums[2 * g] - want.loss) / Math.abs(want.loss), `loss at ${g}`).toBeLessThan(1e-15);
  }
}

describe('softmaxSums equals lossSumsOnLogits (relative difference < 1e-15)', () => {
  for (const k of [2, 3, 10, 11]) {
    it(`${k} outputs, ordinary logits`, () => compare(k, () => 0));
    it(`${k} outputs, logits 1,000 apart (e^{z − max} below e^{−700}: the scalar lanes)`, () => compare(k, (i, c) => (c === i % k ? 1000 : 0)));
  }
  it('a NaN or infinite logit makes its block NaN, as in TypeScript', () => {
    compare(4, (i, c) => (i === 5 && c === 1 ? NaN : 0));
    compare(4, (i, c) => (i === 40 && c === 2 ? Infinity : 0));
  });
});
