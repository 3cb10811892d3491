// The surface for ParaView and VisIt as VTK XML files (ASCII, so any XML reader sees the
// values): a structured grid (.vts) whose points are (α, β, L) with every metric as point
// data, and the optimizer's path as a poly-line (.vtp) with its step, losses and distance.
import type { TrajectoryPoint } from '../../landscape/surface.js';
import type { SurfaceFile } from '../surfaceFile.js';
import { ExportError } from './exportError.js';

/** A value as VTK's ASCII reader parses it (missing values are nan). */
function num(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : 'nan';
}

function dataArray(name: string, values: string[], components = 1, type = 'Float64'): string {
  const nameAttr = name ? ` Name="${name}"` : '';
  const comps = components > 1 ? ` NumberOfComponents="${components}"` : '';
  return `<DataArray type="${type}"${nameAttr}${comps} format="ascii">\n${values.join(' ')}\n</DataArray>`;
}

function document(type: string, body: string): string {
  return `<?xml version="1.0"?>\n<VTKFile type="${type}" version="1.0" byte_order="LittleEndian" header_type="UInt64">\n${body}\n</VTKFile>\n`;
}

/**
 * The surface as a VTK structured grid: point (i, j) — VTK's index i + j·nα, α fastest — sits
 * at (α_i, β_j, L_ij) (height 0 where L is missing) and carries loss and accuracy as point data.
 */
export function surfaceVts(file: SurfaceFile): string {
  const na = file.alpha.length;
  const nb = file.beta.length;
  const loss = file.values.loss;
  if (!loss?.length) throw new ExportError('this surface file has no loss values');
  const points: string[] = [];
  const metrics = (['loss', 'accuracy'] as const).filter((m) => file.values[m]?.length);
  const columns: Record<string, string[]> = Object.fromEntries(metrics.map((m) => [m, []]));
  for (let j = 0; j < nb; j++) {
    for (let i = 0; i < na; i++) {
      const z = loss[i][j];
      points.push(`${num(file.alpha[i])} ${num(file.beta[j])} ${typeof z === 'number' && Number.isFinite(z) ? z : 0}`);
      for (const m of metrics) columns[m].push(num(file.values[m]![i][j]));
    }
  }
  const extent = `0 ${na - 1} 0 ${nb - 1} 0 0`;
  return document(
    'StructuredGrid',
    [
      `<StructuredGrid WholeExtent="${extent}">`,
      `<Piece Extent="${extent}">`,
      `<PointData Scalars="loss">`,
      ...metrics.map((m) => dataArray(m, columns[m])),
      `</PointData>`,
      `<Points>`,
      dataArray('Points', points, 3),
      `</Points>`,
      `</Piece>`,
      `</StructuredGrid>`,
    ].join('\n'),
  );
}

/** The projected path as VTK poly data: one poly-line through (α, β, on-plane loss), with step, loss, plane_loss and distance per point. */
export function trajectoryVtp(trajectory: readonly TrajectoryPoint[]): string {
  const k = trajectory.length;
  if (k === 0) throw new ExportError('this surface file has no trajectory');
  const column = (f: (p: TrajectoryPoint) => unknown) => trajectory.map((p) => num(f(p)));
  return document(
    'PolyData',
    [
      `<PolyData>`,
      `<Piece NumberOfPoints="${k}" NumberOfVerts="0" NumberOfLines="1" NumberOfStrips="0" NumberOfPolys="0">`,
      `<PointData Scalars="loss">`,
      dataArray('step', column((p) => p.step)),
      dataArray('loss', column((p) => p.loss)),
      dataArray('plane_loss', column((p) => p.planeLoss)),
      dataArray('distance', column((p) => p.distance)),
      `</PointData>`,
      `<Points>`,
      dataArray('Points', trajectory.map((p) => `${num(p.alpha)} ${num(p.beta)} ${num(p.planeLoss)}`), 3),
      `</Points>`,
      `<Lines>`,
      dataArray('connectivity', Array.from({ length: k }, (_, i) => String(i)), 1, 'Int64'),
      dataArray('offsets', [String(k)], 1, 'Int64'),
      `</Lines>`,
      `</Piece>`,
      `</PolyData>`,
    ].join('\n'),
  );
}
