// The second-order test: labels from the signs of the eigenvalues, near-zero ones set apart,
// tolerances reported.
import { describe, expect, it } from 'vitest';
import { classifyExtremes, classifySpectrum } from '../../../engine/analysis/index.js';

describe('classifySpectrum', () => {
  it('minimum, maximum, saddle of index k, degenerate', () => {
    expect(classifySpectrum([1, 2, 3], 0).label).toBe('minimum');
    expect(classifySpectrum([-3, -2, -1], 0).label).toBe('maximum');
    expect(classifySpectrum([-3, -2, 1, 4], 0).label).toBe('saddle of index 2');
    expect(classifySpectrum([-1e-20, 0, 1e-20], 0).label).toBe('degenerate');
    expect(classifySpectrum([-1e-20, 0, 1e-20], 0, { absolute: 0 }).label).toBe('saddle of index 1');
  });

  it('eigenvalues within tolerance·max|λ| are reported apart and do not change the label', () => {
    const c = classifySpectrum([-1e-11, 3e-13, 0.5, 2], 1e-9);
    expect(c).toMatchObject({ label: 'minimum', kind: 'minimum', index: 0, positive: 2, nearZero: 2, smallest: -1e-11, largest: 2, critical: true, complete: true });
    expect(c.nearZeroValues).toEqual([-1e-11, 3e-13]);
    expect(c.tolerances).toEqual({ zero: 1e-8, absolute: 1e-12, zeroAbsolute: 2e-8, gradient: 1e-6 });
    // With a looser band a small negative eigenvalue is flat; with a tighter one it is a descent direction.
    expect(classifySpectrum([-1e-4, 1], 0, { zero: 1e-3 }).label).toBe('minimum');
    expect(classifySpectrum([-1e-4, 1], 0, { zero: 1e-6 }).label).toBe('saddle of index 1');
  });

  it('says whether the point is critical at the gradient tolerance', () => {
    expect(classifySpectrum([1], 1e-3).critical).toBe(false);
    expect(classifySpectrum([1], 1e-3, { gradient: 1e-2 }).critical).toBe(true);
  });
});

describe('classifyExtremes (only the ends of the spectrum known)', () => {
  it('an index is exact when a known bottom eigenvalue is non-negative, else a lower bound', () => {
    expect(classifyExtremes([-2, -1, 0.1], [9, 8], 100, 0).label).toBe('saddle of index 2');
    expect(classifyExtremes([-3, -2, -1], [9, 8], 100, 0).label).toBe('saddle of index ≥ 3');
    expect(classifyExtremes([0.1, 0.2], [9, 8], 100, 0)).toMatchObject({ label: 'minimum', complete: false });
    expect(classifyExtremes([-9, -8], [-2, -1], 100, 0).label).toBe('maximum');
  });

  it('bottom and top covering the spectrum make the full classification', () => {
    const full = classifySpectrum([-2, -1, 1, 3], 0);
    expect(classifyExtremes([-2, -1, 1], [3, 1, -1], 4, 0)).toEqual(full);
  });
});
