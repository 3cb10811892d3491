import { describe, expect, it } from 'vitest';
import { checkFinite, nonFinite } from '../../../engine/io/finite.js';
import { LosscapeError } from '../../../engine/errors.js';

describe('finite checks', () => {
  it('counts the non-finite entries and finds the first', () => {
    expect(nonFinite([1, 2, 3])).toBeNull();
    expect(nonFinite(Float64Array.of(0, Infinity, NaN, -Infinity))).toEqual({ count: 3, first: 1 });
  });

  it('names the array, the count, the first value and its position', () => {
    const fail = (m: string) => new LosscapeError(m);
    expect(() => checkFinite(Float32Array.of(1, NaN), 'tensor "w"', fail)).toThrow('tensor "w" holds 1 non-finite value (the first, NaN, at index 1); every number must be finite');
    expect(() => checkFinite([0, -Infinity, NaN], 'X', fail, (i) => `row ${i + 1}`)).toThrow('X holds 2 non-finite values (the first, -Infinity, at row 2)');
    expect(() => checkFinite([0, 1], 'X', fail)).not.toThrow();
  });
});
