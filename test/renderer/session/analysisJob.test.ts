import { describe, expect, it } from 'vitest';
import { surfaceMarkers } from '../../../renderer/landscape/markers.js';
import { lossChangeText } from '../../../renderer/format/lossChange.js';
import { seededPermutation, transformOf } from '../../../renderer/session/analysisJob.js';
import { newSurfaceJob } from '../../../renderer/session/surfaceJob.js';
import type { SpectrumJob } from '../../../renderer/session/types.js';
import { defaultProject } from '../../../renderer/state/project.js';

describe('the analysis jobs’ helpers', () => {
  it('draws seeded permutations: each index once, the same for the same seed', () => {
    const p = seededPermutation(16, 3);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(seededPermutation(16, 3)).toEqual(p);
    expect(seededPermutation(16, 4)).not.toEqual(p);
  });

  it('turns the Symmetry section’s settings into transforms', () => {
    const settings = defaultProject().analysis;
    expect(transformOf({ ...settings, symmetry: 'permute-reverse' }, 4)).toEqual({ kind: 'permute', layer: 0, permutation: [3, 2, 1, 0] });
    expect(transformOf({ ...settings, symmetry: 'rescale', unit: 2, factor: 3 }, 4)).toEqual({ kind: 'rescale', layer: 0, unit: 2, factor: 3 });
    expect(transformOf({ ...settings, symmetry: 'flip', unit: 1 }, 4)).toEqual({ kind: 'flip', layer: 0, unit: 1 });
    expect(transformOf({ ...settings, symmetry: 'bn-scale', unit: 1, factor: 3 }, 4)).toEqual({ kind: 'bn-scale', layer: 0, unit: 1, factor: 3, approximate: true });
  });

  it('says "loss unchanged" at rounding level only', () => {
    expect(lossChangeText(-2.2e-16, -6e-16)).toBe('loss unchanged (Δ = -2e-16)');
    expect(lossChangeText(0, 0)).toBe('loss unchanged (Δ = 0)');
    expect(lossChangeText(0.01, 0.03)).toMatch(/^loss changed by Δ = 1\.00e-2/);
  });

  it('marks θ* only with a spectrum of the surface’s own run, and the image on its plane', () => {
    const surface = { ...newSurfaceJob(2, 1, defaultProject().landscape), plane: { label: 'p', image: { alpha: 1, beta: 0 } } };
    const spectrum = { id: 3, trainingId: 1, status: 'ready', report: { classification: { kind: 'saddle', label: 'saddle of index 2' } } } as unknown as SpectrumJob;
    expect(surfaceMarkers(surface, spectrum).map((m) => [m.kind, m.alpha, m.beta])).toEqual([
      ['saddle', 0, 0],
      ['image', 1, 0],
    ]);
    expect(surfaceMarkers({ ...surface, trainingId: 9 }, spectrum).map((m) => m.kind)).toEqual(['image']);
    expect(surfaceMarkers(null, spectrum)).toEqual([]);
  });
});
