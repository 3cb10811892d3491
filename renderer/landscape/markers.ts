// Markers of classified points on a surface: θ* as a minimum, saddle, maximum or degenerate
// point (from the Hessian spectrum), θ*'s symmetry image (or another optimum) on a plane
// through both, and a plane's third point (a Bezier curve's control point, an aligned optimum).
import type { SpectrumJob, SurfaceJob } from '../session/types.js';

export type MarkerKind = 'minimum' | 'saddle' | 'maximum' | 'degenerate' | 'image' | 'third';

export interface SurfaceMarker {
  alpha: number;
  beta: number;
  kind: MarkerKind;
  label: string;
}

/** Each kind its own colour (kept away from viridis and the path's hues). */
export const MARKER_COLORS: Record<MarkerKind, string> = {
  minimum: '#00e5ff',
  saddle: '#ff2bd6',
  maximum: '#a78bfa',
  degenerate: '#d0d0d0',
  image: '#7cff4f',
  third: '#3d8bff',
};

/** The markers `surface` shows: θ* (at the plane's origin) classified by `spectrum` of the same run, and the image. */
export function surfaceMarkers(surface: SurfaceJob | null, spectrum: SpectrumJob | null): SurfaceMarker[] {
  if (!surface) return [];
  const markers: SurfaceMarker[] = [];
  const report = spectrum?.status === 'ready' && spectrum.trainingId === surface.trainingId ? spectrum.report : null;
  if (report) markers.push({ alpha: 0, beta: 0, kind: report.classification.kind, label: `θ*: ${report.classification.label}` });
  const image = surface.plane?.image;
  if (image) markers.push({ alpha: image.alpha, beta: image.beta, kind: 'image', label: image.label ?? 'θ*’s symmetry image' });
  const third = surface.plane?.third;
  if (third) markers.push({ alpha: third.alpha, beta: third.beta, kind: 'third', label: third.label });
  return markers;
}
