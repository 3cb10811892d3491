// Numbers and decades as the lesson prints and plots them.
import { describe, expect, it } from 'vitest';
import { breakableRule, formatValue, powerOfTen } from '../../../renderer/lesson/format.js';
import { decadeRange, decadeTicks, logMap, logPolylines } from '../../../renderer/lesson/logScale.js';

describe('formatValue', () => {
  it('prints six significant digits with a true minus sign', () => {
    expect(formatValue(Math.sin(2))).toBe('0.909297');
    expect(formatValue(Math.cos(2))).toBe('−0.416147');
    expect(formatValue(1.5)).toBe('1.5');
    expect(formatValue(12.5)).toBe('12.5');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(123456)).toBe('123456');
  });

  it('switches to exponents for tiny and huge values', () => {
    expect(formatValue(1.5e-7)).toBe('1.5e−7');
    expect(formatValue(-3.2e-8, 2)).toBe('−3.2e−8');
    expect(formatValue(2.5e9)).toBe('2.5e9');
    expect(formatValue(1e-5, 2)).toBe('1e−5');
  });

  it('says what is not a number', () => {
    expect(formatValue(NaN)).toBe('undefined');
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(-Infinity)).toBe('−∞');
  });

  it('powerOfTen', () => {
    expect([powerOfTen(-16), powerOfTen(0), powerOfTen(3)]).toEqual(['10⁻¹⁶', '10⁰', '10³']);
  });

  it('breakableRule keeps each term whole and breaks only before + or −', () => {
    expect(breakableRule('ā₅ = cos(a₅)·ā₆ − sin(a₅)·ā₇')).toBe('ā₅\u00a0=\u00a0cos(a₅)·ā₆ −\u00a0sin(a₅)·ā₇');
  });
});

describe('log scales', () => {
  it('decadeRange covers the positive values with whole decades', () => {
    expect(decadeRange([3e-9, 0, NaN, 0.2, -1])).toEqual({ lo: -9, hi: 0 });
    expect(decadeRange([1e-30, 1], -20)).toEqual({ lo: -20, hi: 0 });
    expect(decadeRange([5, 5])).toEqual({ lo: 0, hi: 1 });
    expect(decadeRange([0, -1])).toBeNull();
  });

  it('decadeTicks labels the top decade and every k-th below it', () => {
    const ticks = decadeTicks(-16, -1, 6);
    expect(ticks).toHaveLength(16);
    expect(ticks.filter((t) => t.labelled).map((t) => t.exponent)).toEqual([-16, -13, -10, -7, -4, -1]);
  });

  it('logMap sends decades to equal steps', () => {
    const map = logMap(-2, 2, 0, 400);
    expect([map(1e-2), map(1), map(100)]).toEqual([0, 200, 400]);
  });

  it('logPolylines breaks the line at zeros and clamps to the floor', () => {
    const lines = logPolylines(
      [
        { x: 1, y: 1 },
        { x: 0.1, y: 0 },
        { x: 0.01, y: 1e-30 },
        { x: 0.001, y: 2 },
      ],
      1e-20,
    );
    expect(lines).toEqual([[{ x: 1, y: 1 }], [{ x: 0.01, y: 1e-20 }, { x: 0.001, y: 2 }]]);
  });
});
