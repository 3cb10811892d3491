// The three paths between optima as line-plot series: straight, aligned by weight matching,
// and the trained Bezier curve, each with its colour (kept apart from the markers' hues).
import type { PathsReport } from '../../workers/paths.js';

/** The paths in plot and legend order. */
export const PATHS = [
  { key: 'linear', name: 'linear', color: '#ff7a59', dashed: false, describe: 'straight line' },
  { key: 'aligned', name: 'aligned', color: '#5aa9ff', dashed: true, describe: 'after weight matching' },
  { key: 'curve', name: 'Bezier', color: '#c6e84a', dashed: false, describe: 'trained Bezier curve' },
] as const;

/** Loss against t ∈ [0, 1] for each path of a report, as LinePlot's series. */
export function pathsSeries(report: PathsReport) {
  return PATHS.map((p) => ({ name: p.name, color: p.color, dashed: p.dashed, xs: report[p.key].t, ys: report[p.key].loss }));
}
