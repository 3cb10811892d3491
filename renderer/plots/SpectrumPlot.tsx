// The Hessian's spectrum on one axis: every known eigenvalue as a tick (negative ones in the
// saddle colour), and the spectral density above it when it was estimated.
import type { SpectrumReport } from '../../engine/analysis/spectrum.js';
import { formatTick, niceStep, niceTicks } from '../format/ticks.js';
import { MARKER_COLORS } from '../landscape/markers.js';
import { linear } from './scale.js';

const W = 268;
const H = 112;
const M = { left: 8, right: 8, top: 8, bottom: 30 };

/** The eigenvalues the report knows: all of them (full Hessian) or the extremes (Lanczos). */
export function knownEigenvalues(report: SpectrumReport): number[] {
  return report.eigenvalues ? Array.from(report.eigenvalues) : [...report.bottom, ...report.top];
}

/** A small SVG plot of `report`'s eigenvalues and density. */
export function SpectrumPlot({ report }: { report: SpectrumReport }) {
  const values = knownEigenvalues(report);
  const density = report.density;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (density) {
    lo = Math.min(lo, density.grid[0]);
    hi = Math.max(hi, density.grid[density.grid.length - 1]);
  }
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const base = H - M.bottom;
  const sx = linear(lo, hi, M.left, W - M.right);
  const zero = report.classification.tolerances.zeroAbsolute;
  let area = '';
  if (density) {
    // √ of the density: the bulk near 0 would otherwise flatten the tails.
    const peak = Math.sqrt(Math.max(...density.density));
    const sy = (d: number) => base - 8 - (peak > 0 ? Math.sqrt(Math.max(0, d)) / peak : 0) * (base - 8 - M.top);
    area = `M${sx(density.grid[0]).toFixed(1)} ${base - 8}` + Array.from(density.grid, (t, k) => `L${sx(t).toFixed(1)} ${sy(density.density[k]).toFixed(1)}`).join('') + `L${sx(density.grid[density.grid.length - 1]).toFixed(1)} ${base - 8}Z`;
  }
  const step = niceStep(lo, hi, 4);
  return (
    <svg className="spectrum-plot" width={W} height={H} role="img" aria-label="Hessian eigenvalues and spectral density" data-ticks={values.length} data-density={density ? 'true' : 'false'}>
      {area && <path d={area} fill="#4e79a7" fillOpacity={0.35} stroke="#8fb3de" strokeWidth={1} className="spectrum-plot__density" />}
      <line x1={M.left} x2={W - M.right} y1={base} y2={base} stroke="#8a93a6" />
      {values.map((v, k) => (
        <line key={k} x1={sx(v)} x2={sx(v)} y1={base - 8} y2={base + 4} stroke={v < -zero ? MARKER_COLORS.saddle : Math.abs(v) <= zero ? '#d0d0d0' : MARKER_COLORS.minimum} strokeWidth={1.2} strokeOpacity={0.85} />
      ))}
      {niceTicks(lo, hi, 4).map((t) => (
        <text key={t} x={sx(t)} y={base + 16} className="plot__tick" textAnchor="middle">
          {formatTick(t, step)}
        </text>
      ))}
      <text x={W - M.right} y={H - 2} className="plot__tick" textAnchor="end">
        λ
      </text>
    </svg>
  );
}
