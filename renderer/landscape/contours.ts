// Contour lines of a grid by marching squares, for Li et al.'s 2D contour plots. Saddle
// cells are resolved by the value at the cell's centre.
import { niceTicks } from '../format/ticks.js';

/** Where a value crosses between two grid points: the fraction from the first. */
function crossing(a: number, b: number, level: number): number {
  return (level - a) / (b - a);
}

/**
 * Segments of the level set {f = level} of values[i·nb + j], in grid coordinates (i, j)
 * with fractions between points: [i₁, j₁, i₂, j₂] per segment, flattened. Cells with a
 * non-finite corner are skipped.
 */
export function contourSegments(values: ArrayLike<number>, na: number, nb: number, level: number): number[] {
  const out: number[] = [];
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
      // Crossing points on the four edges, in the order bottom (j), right (i + 1), top (j + 1), left (i).
      const bottom = a00 !== a10 ? [i + crossing(v00, v10, level), j] : null;
      const right = a10 !== a11 ? [i + 1, j + crossing(v10, v11, level)] : null;
      const top = a01 !== a11 ? [i + crossing(v01, v11, level), j + 1] : null;
      const left = a00 !== a01 ? [i, j + crossing(v00, v01, level)] : null;
      const points = [bottom, right, top, left].filter((p): p is number[] => p !== null);
      if (points.length === 2) {
        out.push(...points[0], ...points[1]);
      } else if (points.length === 4) {
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
