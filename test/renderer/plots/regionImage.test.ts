import { describe, expect, it } from 'vitest';
import type { RegionGrid } from '../../../engine/analysis/decisionRegions.js';
import { hexChannels, regionPixels } from '../../../renderer/plots/regionImage.js';

describe('decision-region pixels', () => {
  it('mix the class colours by probability, more opaque where the model is sure, the top row the largest y', () => {
    // Two cells across, two up: bottom row (i = 0) certain of class 0 and undecided; top row 75 % and certain of class 1.
    const grid: RegionGrid = { size: 2, classes: 2, x: { min: 0, max: 1 }, y: { min: 0, max: 1 }, probabilities: Float32Array.of(1, 0, 0.5, 0.5, 0.75, 0.25, 0, 1) };
    const pixels = regionPixels(grid, ['#ff0000', '#0000ff']);
    const at = (row: number, col: number) => Array.from(pixels.slice((row * 2 + col) * 4, (row * 2 + col) * 4 + 4));
    expect(at(1, 0)).toEqual([255, 0, 0, Math.round(255 * 0.6)]);
    expect(at(1, 1)).toEqual([128, 0, 128, Math.round(255 * 0.1)]);
    expect(at(0, 0)).toEqual([191, 0, 64, Math.round(255 * (0.1 + 0.5 * 0.5))]);
    expect(at(0, 1)).toEqual([0, 0, 255, Math.round(255 * 0.6)]);
  });

  it('read #rrggbb colours', () => {
    expect(hexChannels('#4e79a7')).toEqual([0x4e, 0x79, 0xa7]);
  });
});
