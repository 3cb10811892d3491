// The displays of the compared surfaces, for their one shared colour and height scale.
import { useMemo } from 'react';
import { useProject } from '../AppContext.js';
import { surfaceDisplay, type SurfaceDisplay } from '../landscape/surfaceDisplay.js';
import type { SurfaceJob } from '../session/types.js';
import { useThrottled } from './useThrottled.js';

/** Each job's display under the project's metric and scale; recomputed at most every 300 ms while any is scanning. */
export function useComparedDisplays(jobs: readonly (SurfaceJob | null)[]): (SurfaceDisplay | null)[] {
  const metric = useProject((s) => s.landscape.metric);
  const logScale = useProject((s) => s.landscape.logScale);
  const shown = useThrottled(jobs, 300, !jobs.some((job) => job?.status === 'scanning'));
  return useMemo(() => shown.map((job) => (job && job.alpha.length > 0 ? surfaceDisplay(job, metric, logScale) : null)), [shown, metric, logScale]);
}
