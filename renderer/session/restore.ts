// Jobs rebuilt from a project file's runs and surfaces, so an opened project shows its results
// (the current run, its surface, a comparison) without training or scanning again.
import type { RunFile } from '../../engine/io/runFile.js';
import type { SurfaceFile } from '../../engine/io/surfaceFile.js';
import type { RunRecipe } from '../../engine/train/recipe.js';
import type { ProjectState } from '../state/project.js';
import type { SurfaceJob, TrainingJob } from './types.js';

/** A finished training job holding `run`, made by `recipe`; `opened` names the file it came from if it was not trained here. */
export function trainingJobOf(id: number, run: RunFile, recipe: RunRecipe, opened?: string): TrainingJob {
  const steps = run.stepLosses.length;
  const status = run.status === 'diverged' || run.status === 'stopped' ? run.status : 'done';
  return {
    id,
    recipe,
    key: JSON.stringify(recipe),
    status,
    step: steps,
    totalSteps: steps,
    history: [...run.history],
    stepLosses: [...run.stepLosses],
    message: run.message ?? null,
    error: null,
    run,
    revision: 1,
    ...(opened !== undefined ? { opened } : {}),
  };
}

function flat(rows: (number | null)[][] | undefined, n: number, m: number): Float64Array {
  const out = new Float64Array(n * m).fill(NaN);
  rows?.forEach((row, i) => row.forEach((v, j) => (out[i * m + j] = v ?? NaN)));
  return out;
}

/** A ready surface job showing `file`, which it keeps to be saved again as it is. */
export function surfaceJobOf(id: number, trainingId: number, file: SurfaceFile, project: ProjectState): SurfaceJob {
  const n = file.alpha.length;
  const m = file.beta.length;
  return {
    id,
    trainingId,
    settings: project.landscape,
    status: 'ready',
    alpha: Float64Array.from(file.alpha),
    beta: Float64Array.from(file.beta),
    loss: flat(file.values.loss, n, m),
    accuracy: flat(file.values.accuracy, n, m),
    rowsDone: new Uint8Array(n).fill(1),
    rowsComputed: n,
    ...(file.samples ? { samples: file.samples, lossStdError: flat(file.values.lossStdError, n, m) } : {}),
    trajectory: file.trajectory ?? [],
    info: {
      kind: project.landscape.directions,
      normalization: file.normalization,
      ...(file.ignore ? { ignore: file.ignore as 'biasbn' | 'none' } : {}),
      ...(file.explainedVarianceRatio ? { explainedVarianceRatio: file.explainedVarianceRatio } : {}),
    },
    error: null,
    revision: 1,
    saved: file,
  };
}
