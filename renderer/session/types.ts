// What the session holds: the results of the jobs the user started (runs, surfaces, a
// comparison). A project file keeps the finished runs and surfaces (io/projectResults.ts); the
// rest is redone. Large arrays are filled in place as workers stream them; every change makes
// a new job object with a higher revision.
import type { RegionGrid } from '../../engine/analysis/decisionRegions.js';
import type { SpectrumReport, SpectrumStage } from '../../engine/analysis/spectrum.js';
import type { SharpnessSeries } from '../../engine/analysis/sharpness.js';
import type { SymmetryTransform } from '../../engine/analysis/symmetry/transform.js';
import type { RunFile } from '../../engine/io/runFile.js';
import type { SurfaceFile } from '../../engine/io/surfaceFile.js';
import type { SampleSubset } from '../../engine/landscape/samples.js';
import type { DirectionInfo, GivenDirections, TrajectoryPoint } from '../../engine/landscape/surface.js';
import type { HistoryEntry } from '../../engine/train/trainer.js';
import type { RunRecipe } from '../../engine/train/recipe.js';
import type { LandscapeSettings, LineSettings } from '../state/project.js';
import type { RunSettings } from '../state/variants.js';
import type { CriticalReport, SymmetryReport } from '../../workers/analysis.js';
import type { PathsReport, PathsStage } from '../../workers/paths.js';

export type TrainingStatus = 'running' | 'paused' | 'done' | 'stopped' | 'diverged' | 'error';

export interface TrainingJob {
  id: number;
  recipe: RunRecipe;
  /** The recipe as JSON, to tell whether the settings changed since the run. */
  key: string;
  status: TrainingStatus;
  step: number;
  totalSteps: number;
  /** Full-split metrics per epoch; appended in place. */
  history: HistoryEntry[];
  /** Minibatch loss of every step; appended in place. */
  stepLosses: number[];
  /** Why the run ended early (divergence), from the worker. */
  message: string | null;
  /** Why the run could not start (an invalid recipe). */
  error: string | null;
  run: RunFile | null;
  revision: number;
  /** The latest decision regions the worker sent (two-input classification only). */
  regions?: RegionGrid;
  /** Set when the run was opened from a file (weights or a run file), not trained here: the file's name. */
  opened?: string;
  /** Set when θ* was refined to a critical point after training: how, e.g. "refined by saddle-free Newton to ‖∇L‖ = … in 18 iterations". */
  refined?: string;
}

export type SurfaceStatus = 'preparing' | 'scanning' | 'ready' | 'cancelled' | 'error';

/** How a plane other than the landscape settings' is named and marked: the caption, and the image and third points on it. */
export interface SurfacePlane {
  label: string;
  image?: { alpha: number; beta: number; label?: string };
  third?: { alpha: number; beta: number; label: string };
}

export interface SurfaceJob {
  id: number;
  trainingId: number;
  settings: LandscapeSettings;
  status: SurfaceStatus;
  /** Grid axes (empty while preparing). */
  alpha: Float64Array;
  beta: Float64Array;
  /** loss[i·nβ + j] at (α_i, β_j); NaN where not computed yet. Likewise accuracy. */
  loss: Float64Array;
  accuracy: Float64Array;
  /** 1 for every row of α already computed. */
  rowsDone: Uint8Array;
  /** On a subset of the samples (a preview): which, and each loss's standard error, NaN where not computed yet. */
  samples?: SampleSubset;
  lossStdError?: Float64Array;
  rowsComputed: number;
  trajectory: TrajectoryPoint[];
  info: DirectionInfo | null;
  error: string | null;
  revision: number;
  /** Set when the plane is not the landscape settings' (Hessian eigenvectors, θ* and its image). */
  plane?: SurfacePlane;
  /** That plane's directions, which its surface file and exports carry. */
  given?: GivenDirections;
  /** Set when the surface was opened from a surface file and has no run (trainingId is 0): the file's name, and the file the exports write. */
  opened?: { name: string; file: SurfaceFile };
  /** The surface file a finished job was read from (a project, an autosave): saved again as it is, not re-planned. */
  saved?: SurfaceFile;
}

/** A 1D slice of the current run: loss and accuracy at each t, filled in as the pool streams them. */
export interface LineJob {
  id: number;
  trainingId: number;
  settings: LineSettings;
  status: SurfaceStatus;
  /** The t values (empty while preparing); loss[k] and accuracy[k] at t[k], NaN until computed. */
  t: Float64Array;
  loss: Float64Array;
  accuracy: Float64Array;
  /** How many points are computed. */
  done: number;
  /** On a subset of the samples: which, and each loss's standard error, as in a surface job. */
  samples?: SampleSubset;
  lossStdError?: Float64Array;
  error: string | null;
  revision: number;
}

export type AnalysisStatus = 'running' | 'ready' | 'cancelled' | 'error';

/** The Hessian spectrum at a run's θ*. */
export interface SpectrumJob {
  id: number;
  trainingId: number;
  status: AnalysisStatus;
  stage: SpectrumStage | null;
  done: number;
  total: number;
  report: SpectrumReport | null;
  error: string | null;
}

/** A critical-point search from a run's θ*; once it converges, its point is the current run's θ*. */
export interface CriticalJob {
  id: number;
  /** The run searched from, then (once adopted) the run whose θ* is the point found. */
  trainingId: number;
  status: AnalysisStatus;
  method: 'saddle-free' | 'auto';
  iteration: number;
  maxIterations: number;
  /** ‖∇L‖ at the latest accepted iterate. */
  gradientNorm: number | null;
  report: CriticalReport | null;
  /** Whether the point found became the current run (only a converged search's does). */
  adopted: boolean;
  error: string | null;
}

/** λ_max and the Hessian index along a run's snapshots. */
export interface SharpnessJob {
  id: number;
  trainingId: number;
  status: AnalysisStatus;
  /** Snapshots done of total. */
  done: number;
  total: number;
  series: SharpnessSeries | null;
  error: string | null;
}

/** A symmetry applied to a run's θ*. */
export interface SymmetryJob {
  id: number;
  trainingId: number;
  status: AnalysisStatus;
  transform: SymmetryTransform;
  report: SymmetryReport | null;
  error: string | null;
}

/** Paths from a run's θ* to a second optimum: straight, aligned, Bezier. */
export interface PathsJob {
  id: number;
  trainingId: number;
  status: AnalysisStatus;
  /** The second endpoint, as the plot's caption and the plane's marker name it. */
  endLabel: string;
  /** 'train' while a second run (seed + 1) trains, then the worker's stages. */
  stage: 'train' | PathsStage | null;
  done: number;
  total: number;
  report: PathsReport | null;
  error: string | null;
}

export interface CompareSide {
  label: string;
  settings: RunSettings;
  training: TrainingJob | null;
  surface: SurfaceJob | null;
}

export type CompareStatus = 'running' | 'ready' | 'cancelled' | 'error';

export interface CompareJob {
  id: number;
  variant: string;
  status: CompareStatus;
  /** Two to four runs, in the variant's order. */
  sides: CompareSide[];
  error: string | null;
}

export interface SessionState {
  training: TrainingJob | null;
  surface: SurfaceJob | null;
  line: LineJob | null;
  compare: CompareJob | null;
  spectrum: SpectrumJob | null;
  symmetry: SymmetryJob | null;
  paths: PathsJob | null;
  sharpness: SharpnessJob | null;
  critical: CriticalJob | null;
}

/** A message for the user from anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
