import { describe, expect, it } from 'vitest';
import { defaultProject } from '../../../renderer/state/project.js';
import { variantById, variants } from '../../../renderer/state/variants.js';

const base = defaultProject();
const run = { data: base.data, model: base.model, train: base.train };

describe('comparison variants', () => {
  it('turns batch norm on in every hidden layer when it is off, and off when it is on', () => {
    const bn = variantById('batch-norm');
    const on = bn.apply(run);
    expect(on.model.hidden.every((h) => h.batchNorm)).toBe(true);
    expect([bn.describe(run), bn.describe(on)]).toEqual(['off', 'on']);
    expect(bn.apply(on).model.hidden.every((h) => !h.batchNorm)).toBe(true);
  });

  it('changes only its own setting', () => {
    for (const variant of variants) {
      const changed = variant.apply(run);
      expect(changed.data, variant.id).toBe(run.data);
      expect(variant.describe(changed), variant.id).not.toBe(variant.describe(run));
    }
  });

  it('scales the learning rate and widens the layers', () => {
    expect(variantById('lr-up').apply(run).train.lr).toBeCloseTo(run.train.lr * 10);
    expect(variantById('lr-down').apply(run).train.lr).toBeCloseTo(run.train.lr / 10);
    expect(variantById('wider').apply(run).model.hidden[0].width).toBe(64);
  });

  it('falls back to the first variant for an unknown id', () => {
    expect(variantById('nope')).toBe(variants[0]);
  });
});
