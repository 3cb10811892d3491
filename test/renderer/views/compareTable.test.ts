import { describe, expect, it } from 'vitest';
import type { RunFile } from '../../../engine/io/runFile.js';
import { defaultProject } from '../../../renderer/state/project.js';
import { variantById } from '../../../renderer/state/variants.js';
import type { CompareSide, SpectrumJob, SurfaceJob, TrainingJob } from '../../../renderer/session/types.js';
import { compareRows, parametersOf } from '../../../renderer/views/compareTable.js';

const p = defaultProject();
const variant = variantById('batch-norm');
const settings = { data: p.data, model: p.model, train: p.train };

function side(loss: number, grid: number[] | null): CompareSide {
  const training = {
    status: 'done',
    history: [{ step: 300, epoch: 300, loss, accuracy: 0.96 }],
    run: { layout: [{ name: 'w', shape: [16, 3], offset: 0, role: 'weight' }, { name: 'v', shape: [3, 16], offset: 48, role: 'weight' }] } as RunFile,
  } as TrainingJob;
  const surface = grid && ({ status: 'ready', alpha: Float64Array.of(-1, 0, 1), beta: Float64Array.of(-1, 0, 1), loss: Float64Array.from(grid) } as SurfaceJob);
  return { label: 'x', settings, training, surface };
}

describe('the comparison table', () => {
  it('counts a run file’s parameters from its layout', () => {
    expect(parametersOf(side(0.1, null).training!.run!)).toBe(96);
  });

  it('names the changed setting first, then the runs’ results and their surfaces', () => {
    const rows = compareRows(variant, [side(0.12, [3, 2, 3, 2, 0.12, 2, 3, 2, 3]), side(0.11, null)]);
    expect(rows[0]).toEqual({ label: 'batch norm', values: ['off', 'off'], changed: true });
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.values]));
    expect(byLabel['parameters P']).toEqual(['96', '96']);
    expect(byLabel['final loss (train / test)']).toEqual(['0.12', '0.11']);
    expect(byLabel['accuracy (train / test)']).toEqual(['96.0 %', '96.0 %']);
    expect(byLabel['loss at θ* on the plane']).toEqual(['0.12', '–']);
    expect(byLabel['loss range on the plane']).toEqual(['0.12 … 3', '–']);
  });

  it('has one column per run for three runs, and their sharpness where the spectrum of a run is known', () => {
    const sides = [side(0.3, null), side(0.2, null), side(0.1, null)].map((s, k) => ({ ...s, settings: variantById('init').runs(settings)[k], training: { ...s.training!, id: 10 + k } }));
    const init = variantById('init');
    const rows = compareRows(init, sides);
    expect(rows[0]).toEqual({ label: 'initializer', values: ['xavier-normal', 'he-normal', 'orthogonal'], changed: true });
    expect(rows.find((r) => r.label === 'final loss (train / test)')!.values).toEqual(['0.3', '0.2', '0.1']);
    expect(rows.some((r) => r.label === 'sharpness λ_max')).toBe(false);
    const spectrum = { trainingId: 11, status: 'ready', report: { top: [42.5, 3] } } as unknown as SpectrumJob;
    expect(compareRows(init, sides, spectrum).find((r) => r.label === 'sharpness λ_max')!.values).toEqual(['–', '42.5', '–']);
  });
});
