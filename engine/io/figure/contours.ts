// Contour lines of a grid by marching squares (Li et al.'s 2D figures). Saddle cells are
// resolved by the value at the cell's centre; cells with a missing corner are skipped.
import { niceTicks } from './ticks.js';

/**
 * Segments of the level set {f = level} of values[i·nb + j], in fractional grid
 * coordinates: [i₁, j₁, i₂, j₂] per segment, flattened.
 */
export function contourSegments(values: ArrayLike<number>, na: number, nb: number, level: number): number[] {
  const out: number[] = [];
  const cross = (a: number, b: number) => (level - a) / (b - a);
  for (let i = 0; i < na - 1; i++) {
    for (let j = 0; j < nb - 1; j++) {
      const v00 = values[i * nb + j];
      const v10 = values[(i + 1) * nb + j];
      const v01 = values[i * nb + j + 1];
      const v11 = values[(i + 1) * nb + j + 1];
      if (!(Number.isFinite(v00) && Number.isFinite(v10) && Number.isFinite(v01) && Number.isFinite(v11))) continue;
      const a00 = v00 >= level;
      const a10 = v10 >= level;
      const a01 = v01 >= level;
      const a11 = v11 >= level;
      if (a00 === a10 && a00 === a01 && a00 === a11) continue;
      const bottom = a00 !== a10 ? [i + cross(v00, v10), j] : null;
      const right = a10 !== a11 ? [i + 1, j + cross(v10, v11)] : null;
      const top = a01 !== a11 ? [i + cross(v01, v11), j + 1] : null;
      const left = a00 !== a01 ? [i, j + cross(v00, v01)] : null;
      const points = [bottom, right, top, left].filter((p): p is number[] => p !== null);
      if (points.length === 2) {
        out.push(...points[0], ...points[1]);
      } else {
        const centreAbove = (v00 + v10 + v01 + v11) / 4 >= level;
        if (a00 === centreAbove) out.push(...bottom!, ...right!, ...top!, ...left!);
        else out.push(...left!, ...bottom!, ...right!, ...top!);
      }
    }
  }
  return out;
}

/** About `count` round contour levels strictly between min and max. */
export function contourLevels(min: number, max: number, count = 12): number[] {
  if (!(max > min)) return [];
  const margin = (max - min) * 1e-6;
  return niceTicks(min, max, count).filter((level) => level > min + margin && level < max - margin);
}
