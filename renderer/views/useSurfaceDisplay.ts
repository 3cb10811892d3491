// The display of a surface job under the project's metric and scale, throttled while rows stream in.
import { useMemo } from 'react';
import { useProject } from '../AppContext.js';
import { surfaceDisplay, type SurfaceDisplay } from '../landscape/surfaceDisplay.js';
import type { SurfaceJob } from '../session/types.js';
import { useThrottled } from './useThrottled.js';

/** The job as last shown (at most 5 times a second while scanning, less for large grids) and its display. */
export function useSurfaceDisplay(job: SurfaceJob | null): { shown: SurfaceJob | null; display: SurfaceDisplay | null } {
  const metric = useProject((s) => s.landscape.metric);
  const logScale = useProject((s) => s.landscape.logScale);
  // Large grids redraw less often while they stream: the mesh and contours cost ∝ n².
  const interval = Math.min(1000, Math.max(200, (job?.alpha.length ?? 0) ** 2 / 100));
  const shown = useThrottled(job, interval, job?.status !== 'scanning');
  const display = useMemo(() => (shown && shown.alpha.length > 0 ? surfaceDisplay(shown, metric, logScale) : null), [shown, metric, logScale]);
  return { shown, display };
}
