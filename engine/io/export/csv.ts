// Surfaces and lines as CSV in long ("tidy") form: one row per grid point, full precision,
// read by pandas.read_csv, R, spreadsheets. Missing values are empty cells.
import type { LineFile } from '../lineFile.js';
import type { SurfaceFile } from '../surfaceFile.js';

/** A number as the shortest text that reads back to the same double; empty if missing. */
function cell(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

/** `alpha,beta,loss[,accuracy]`, rows in grid order (α slowest). */
export function surfaceCsv(file: SurfaceFile): string {
  const metrics = (['loss', 'accuracy'] as const).filter((m) => (file.values[m]?.length ?? 0) > 0);
  const lines = [['alpha', 'beta', ...metrics].join(',')];
  file.alpha.forEach((a, i) => {
    file.beta.forEach((b, j) => lines.push([cell(a), cell(b), ...metrics.map((m) => cell(file.values[m]![i][j]))].join(',')));
  });
  return `${lines.join('\n')}\n`;
}

/** `step,alpha,beta,loss,plane_loss,distance`: the projected path, one row per snapshot. */
export function trajectoryCsv(file: SurfaceFile): string {
  const rows = (file.trajectory ?? []).map((p) => [p.step, p.alpha, p.beta, p.loss, p.planeLoss, p.distance].map(cell).join(','));
  return `${['step,alpha,beta,loss,plane_loss,distance', ...rows].join('\n')}\n`;
}

/** `t,loss[,accuracy]`: a line file, one row per point. */
export function lineCsv(file: LineFile): string {
  const metrics = (['loss', 'accuracy'] as const).filter((m) => file.values[m]);
  const rows = file.t.map((t, k) => [cell(t), ...metrics.map((m) => cell(file.values[m]![k]))].join(','));
  return `${[['t', ...metrics].join(','), ...rows].join('\n')}\n`;
}
