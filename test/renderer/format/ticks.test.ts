import { describe, expect, it } from 'vitest';
import { formatTick, formatValue, niceStep, niceTicks } from '../../../renderer/format/ticks.js';

describe('ticks', () => {
  it('picks round steps', () => {
    expect(niceStep(-1.5, 1.5, 5)).toBe(1);
    expect(niceStep(-1.5, 1.5, 8)).toBe(0.5);
    expect(niceStep(0, 1413, 5)).toBe(500);
    expect(niceStep(-2.25, 2.25, 5)).toBe(1);
  });

  it('lists the round values inside the range, with a clean zero', () => {
    expect(niceTicks(-1.5, 1.5, 8)).toEqual([-1.5, -1, -0.5, 0, 0.5, 1, 1.5]);
    expect(niceTicks(-2.25, 2.25, 5)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(0, 1413, 5)).toEqual([0, 500, 1000]);
    expect(Object.is(niceTicks(-0.3, 0.3, 3)[1], 0)).toBe(true);
  });

  it('formats ticks with the decimals the step needs and a real minus sign', () => {
    expect(formatTick(-1.5, 0.5)).toBe('−1.5');
    expect(formatTick(1, 0.5)).toBe('1.0');
    expect(formatTick(1000, 500)).toBe('1000');
    expect(formatTick(0.25, 0.25)).toBe('0.25');
  });

  it('formats values to four significant digits', () => {
    expect(formatValue(-2.25)).toBe('−2.25');
    expect(formatValue(1413.0625)).toBe('1413');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(2.5e-7)).toBe('2.50e−7');
  });
});
