// The precision a surface was computed in, for its labels: float32 (the fast preview) or float64.
import type { Precision } from '../../engine/nn/fast/linear.js';
import type { SurfaceJob } from '../session/types.js';

/** A finished file's own precision (an opened or saved surface), else its settings'. */
export function surfacePrecision(job: SurfaceJob): Precision {
  const file = job.opened?.file ?? job.saved;
  return (file ? file.precision : job.settings.precision) ?? 'float64';
}
