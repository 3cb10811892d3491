import { describe, expect, it } from 'vitest';
import { formatScaled, valueTicks } from '../../../renderer/format/ticks.js';

describe('value ticks', () => {
  it('labels a linear axis with round values', () => {
    expect(valueTicks(0.11, 1.3, false, 5).map((t) => t.label)).toEqual(['0.25', '0.50', '0.75', '1.00', '1.25']);
  });

  it('labels a log axis at decades, with the values, not their logarithms', () => {
    const ticks = valueTicks(-5.2, 0.3, true, 5);
    expect(ticks.map((t) => t.at)).toEqual([-5, -4, -3, -2, -1, 0]);
    expect(ticks.map((t) => t.label)).toEqual(['1e−5', '1e−4', '0.001', '0.01', '0.1', '1']);
  });

  it('uses 1, 2 and 5 times a power of ten within a decade or two', () => {
    const ticks = valueTicks(Math.log10(0.08), Math.log10(1.5), true);
    expect(ticks.map((t) => t.label)).toEqual(['0.1', '0.2', '0.5', '1']);
    expect(ticks[1].at).toBeCloseTo(Math.log10(0.2), 12);
  });

  it('writes large and small powers of ten compactly', () => {
    expect(formatScaled(2, -6)).toBe('2e−6');
    expect(formatScaled(5, 2)).toBe('500');
  });
});
