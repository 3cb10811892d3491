// The data endpoint (workers/data.ts) that the Data panel's worker runs.
import { describe, expect, it } from 'vitest';
import { dataEndpoint, PREVIEW_POINTS } from '../../../workers/data.js';

describe('the data endpoint', () => {
  it('summarizes Iris petal features with x₀ = 1 and previews them by class', () => {
    const s = dataEndpoint.describe({ source: { kind: 'builtin', name: 'iris' }, features: [2, 3], testFraction: 0, constantInput: true, seed: 0 });
    expect(s.allFeatures).toHaveLength(4);
    expect(s.selected).toEqual([2, 3]);
    expect(s).toMatchObject({ inputs: 3, outputs: 3, nTrain: 150, nTest: 0, task: 'classification' });
    expect(s.preview.xName).toBe('petal length (cm)');
    expect(s.preview.yName).toBe('petal width (cm)');
    expect(s.preview.x).toHaveLength(150);
    expect(new Set(s.preview.label)).toEqual(new Set([0, 1, 2]));
    // Standardized on the training split.
    const mean = s.preview.x.reduce((a, b) => a + b, 0) / 150;
    expect(mean).toBeCloseTo(0, 5);
  });

  it('marks test samples and thins large sets', () => {
    const s = dataEndpoint.describe({ source: { kind: 'builtin', name: 'digits' }, testFraction: 0.2, seed: 0 });
    expect(s.preview.x.length).toBeLessThanOrEqual(PREVIEW_POINTS);
    expect(s.preview.test.some((t) => t === 1)).toBe(true);
    expect(s.outputs).toBe(10);
  });

  it('plots a regression set’s one input against its target', () => {
    const s = dataEndpoint.describe({ source: { kind: 'synthetic', name: 'sine', samples: 50, noise: 0 }, seed: 1 });
    expect(s.preview.yName).toBe('y');
    expect(s.preview.label.every((l) => l === -1)).toBe(true);
    for (let k = 0; k < s.preview.x.length; k++) expect(Math.abs(s.preview.y[k])).toBeLessThanOrEqual(1.0001);
  });
});
