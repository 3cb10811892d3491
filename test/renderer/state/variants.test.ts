import { describe, expect, it } from 'vitest';
import { defaultProject } from '../../../renderer/state/project.js';
import { variantById, variants } from '../../../renderer/state/variants.js';

const base = defaultProject();
const run = { data: base.data, model: base.model, train: base.train };

describe('comparison variants', () => {
  it('turns batch norm on in every hidden layer when it is off, and off when it is on', () => {
    const bn = variantById('batch-norm');
    const [off, on] = bn.runs(run);
    expect(off).toBe(run);
    expect(on.model.hidden.every((h) => h.batchNorm)).toBe(true);
    expect([bn.describe(run), bn.describe(on)]).toEqual(['off', 'on']);
    expect(bn.runs(on)[1].model.hidden.every((h) => !h.batchNorm)).toBe(true);
  });

  it('compares two to four runs that differ only in its own setting', () => {
    for (const variant of variants) {
      const runs = variant.runs(run);
      expect(runs.length, variant.id).toBeGreaterThanOrEqual(2);
      expect(runs.length, variant.id).toBeLessThanOrEqual(4);
      for (const r of runs) expect(r.data, variant.id).toBe(run.data);
      expect(new Set(runs.map((r) => variant.describe(r))).size, variant.id).toBe(runs.length);
    }
  });

  it('compares initializers and optimizers with everything else kept', () => {
    const inits = variantById('init').runs(run);
    expect(inits.map((r) => r.model.init.weights)).toEqual(['xavier-normal', 'he-normal', 'orthogonal']);
    expect(inits.every((r) => r.model.hidden === run.model.hidden && r.train === run.train)).toBe(true);
    const optimizers = variantById('optimizers').runs(run);
    expect(optimizers.map((r) => r.train.optimizer)).toEqual(['sgd', 'momentum', 'rmsprop', 'adam']);
    expect(optimizers.every((r) => r.train.lr === run.train.lr && r.train.preset === null && r.model === run.model)).toBe(true);
  });

  it('scales the learning rate and widens the layers', () => {
    expect(variantById('lr-up').runs(run)[1].train.lr).toBeCloseTo(run.train.lr * 10);
    expect(variantById('lr-down').runs(run)[1].train.lr).toBeCloseTo(run.train.lr / 10);
    expect(variantById('wider').runs(run)[1].model.hidden[0].width).toBe(64);
  });

  it('falls back to the first variant for an unknown id', () => {
    expect(variantById('nope')).toBe(variants[0]);
  });
});
