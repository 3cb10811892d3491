// A finished surface job with its run, as the export worker takes it (to export it, or to
// write its surface file into a project).
import type { ScannedSurface } from '../../workers/export.js';
import type { SurfaceJob, TrainingJob } from '../session/types.js';
import { surfaceRequestOf } from '../state/project.js';

/** The scanned surface of `surface`, if it is finished and was computed around `training`'s run. */
export function scanOf(training: TrainingJob | null, surface: SurfaceJob | null): ScannedSurface | null {
  if (surface?.status !== 'ready' || !training?.run || training.id !== surface.trainingId) return null;
  return {
    run: training.run,
    request: { ...surfaceRequestOf(surface.settings), ...(surface.given ? { directions: surface.given } : {}) },
    alpha: surface.alpha,
    beta: surface.beta,
    loss: surface.loss,
    accuracy: surface.accuracy,
    ...(surface.lossStdError ? { lossStdError: surface.lossStdError } : {}),
    trajectory: surface.trajectory,
    info: surface.info,
  };
}
