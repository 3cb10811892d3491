import { describe, expect, it } from 'vitest';
import { srgbToLinear, viridis, viridisCss } from '../../../renderer/colormap/viridis.js';

const to255 = (t: number) => viridis(t).map((c) => Math.round(c * 255));

describe('viridis', () => {
  it('matches matplotlib at the ends and the middle', () => {
    expect(to255(0)).toEqual([68, 1, 84]);
    expect(to255(0.5)).toEqual([33, 144, 140]);
    expect(to255(1)).toEqual([253, 231, 37]);
  });

  it('clamps t outside [0, 1] and maps NaN to the low end', () => {
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(Number.NaN)).toEqual(viridis(0));
  });

  it('gets lighter from the low end to the high end', () => {
    const luminance = (t: number) => viridis(t).reduce((sum, c, k) => sum + c * [0.2126, 0.7152, 0.0722][k], 0);
    for (let k = 0; k < 20; k++) expect(luminance((k + 1) / 20)).toBeGreaterThan(luminance(k / 20));
  });

  it('writes CSS colours', () => {
    expect(viridisCss(0)).toBe('rgb(68 1 84)');
  });

  it('converts sRGB to linear light', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBeCloseTo(1, 12);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
  });
});
