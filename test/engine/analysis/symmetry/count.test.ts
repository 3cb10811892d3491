// The number of equivalent optima, exactly and in scientific notation.
import { describe, expect, it } from 'vitest';
import { mlp, validateSpec } from '../../../../engine/nn/index.js';
import { bigLog10, countEquivalentOptima, factorial, scientific } from '../../../../engine/analysis/symmetry/index.js';

describe('counting equivalent optima', () => {
  it("the lecture's seed-iris model: 16 logistic units without biases have 16! permutations and no flips", () => {
    const spec = mlp(3, [16], 3, { activation: 'logistic', bias: false });
    const count = countEquivalentOptima(spec);
    expect(count.exact).toBe(20922789888000n);
    expect(count.scientific).toBe('2.092e13');
    expect(count.formula).toBe('16!');
  });

  it('with biases the logistic flip applies: 16! · 2^16', () => {
    const count = countEquivalentOptima(mlp(3, [16], 3, { activation: 'logistic' }));
    expect(count.exact).toBe(factorial(16) * 65536n);
    expect(count.formula).toBe('16! · 2^16');
  });

  it('two tanh layers: ∏ M_l! · 2^M_l; ReLU layers: permutations, with rescaling listed as continuous', () => {
    expect(countEquivalentOptima(mlp(2, [4, 3], 2, { activation: 'tanh' })).exact).toBe(24n * 16n * 6n * 8n);
    const relu = countEquivalentOptima(mlp(64, [128], 10, { activation: 'relu' }));
    expect(relu.exact).toBe(factorial(128));
    expect(relu.scientific).toBe('3.856e215');
    expect(relu.log10).toBeCloseTo(215.586, 3);
    expect(relu.groups[0].continuous[0]).toMatch(/positive rescaling/);
  });

  it('batch norm adds the sign of each row in front of it; a residual stream counts once', () => {
    const bn = countEquivalentOptima(mlp(2, [16, 16], 2, { activation: 'tanh', batchNorm: true }));
    expect(bn.exact).toBe((factorial(16) * 2n ** 32n) ** 2n);
    const stream = validateSpec({ ...mlp(2, [4, 4, 4], 2, { activation: 'relu' }), residual: 2 });
    const count = countEquivalentOptima(stream);
    expect(count.groups.map((g) => g.layers)).toEqual([[0, 2], [1]]);
    expect(count.exact).toBe(24n * 24n);
  });

  it('scientific notation rounds half up, carrying into the exponent', () => {
    expect(scientific(999_950n)).toBe('1.000e6');
    expect(scientific(123_449n)).toBe('1.234e5');
    expect(scientific(24n)).toBe('2.4e1');
    expect(scientific(1n)).toBe('1e0');
    expect(bigLog10(10n ** 300n * 3n)).toBeCloseTo(300 + Math.log10(3), 12);
  });
});
