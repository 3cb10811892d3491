// The project: everything a user sets, as one plain, serializable object. A project file is
// this object, with the session's finished runs and surfaces beside it (io/projectResults.ts).
import type { BuiltinName } from '../../engine/data/builtin.js';
import type { ColormapName } from '../../engine/io/figure/colormaps.js';
import type { FileSource } from '../../engine/data/fileSource.js';
import type { DataSpec } from '../../engine/data/prepare.js';
import type { SyntheticName } from '../../engine/data/synthetic.js';
import type { Normalization } from '../../engine/landscape/directions.js';
import { precisionOf } from '../../engine/landscape/plan.js';
import type { SurfaceRequest } from '../../engine/landscape/surface.js';
import type { InitSpec } from '../../engine/nn/init.js';
import type { HiddenLayerSpec } from '../../engine/nn/spec.js';
import type { ToySurfaceName } from '../../engine/toy/surfaces.js';
import type { OptimizerKind, OptimizerSpec } from '../../engine/train/optimizers.js';
import { presetRecipe, presets } from '../../engine/train/presets.js';
import type { RunRecipe } from '../../engine/train/recipe.js';

export const PROJECT_FORMAT = 'losscape.project/0';

/** Where the samples come from and how they are split and scaled. */
export interface DataSettings {
  source: 'builtin' | 'synthetic' | 'file';
  builtin: BuiltinName;
  synthetic: { name: SyntheticName; samples: number; noise: number };
  /** The array files opened last (names, paths, hashes; the data stays in the workers). */
  file?: FileSource;
  /** Selected feature indices of the loaded set, ascending; null selects all. */
  features: number[] | null;
  testFraction: number;
  /** Prepend the constant input x₀ = 1 (the bias as an input). */
  constantInput: boolean;
  seed: number;
}

/** The network between the inputs and outputs the data decide. */
export interface ModelSettings {
  hidden: HiddenLayerSpec[];
  bias: boolean;
  /** Layers per residual block; 0 for none. */
  residual: number;
  weightDecay: number;
  init: InitSpec;
}

export interface TrainSettings {
  /** The preset that filled these settings last, or null. */
  preset: string | null;
  optimizer: OptimizerKind;
  lr: number;
  /** μ of momentum and Nesterov. */
  momentum: number;
  batchSize: number | 'full';
  epochs: number;
  seed: number;
  /** float32: forward and backward products on single-precision kernels; absent means float64, the reference. */
  precision?: 'float32';
}

export type Metric = 'loss' | 'accuracy';

export interface AxisBounds {
  min: number;
  max: number;
}

/** How the surface around the trained θ* is sliced and shown. */
export interface LandscapeSettings {
  directions: 'random' | 'pca';
  normalization: Normalization;
  /** Zero the directions on biases and batch-norm parameters (Li et al.'s default). */
  ignoreBiasBn: boolean;
  directionSeed: number;
  alpha: AxisBounds;
  beta: AxisBounds;
  /** PCA directions: fit α and β to the projected trajectory instead of the bounds above. */
  autoRange: boolean;
  /** Grid points per axis. */
  resolution: number;
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  metric: Metric;
  logScale: boolean;
  /** float32: a fast preview on single-precision kernels; absent means float64, the reference. */
  precision?: 'float32';
  /** A quick preview on this many samples of the split (seed 0), with error bars; absent means all of them. */
  samples?: number;
}

/** The Landscape section's 1D slice, computed instead of the plane when `slice` is 'line'. */
export interface LineSettings {
  slice: 'plane' | 'line';
  /** Initial → trained parameters (Goodfellow et al.), or through θ* along the plane's first direction. */
  path: 'interpolation' | 'direction';
  /** The range of t: θ₀ + t·(θ* − θ₀), or θ* + t·d₁. */
  range: AxisBounds;
  steps: number;
}

/** The natural range of t on each path: a little past both ends, or symmetric about θ*. */
export const LINE_RANGES: Record<LineSettings['path'], AxisBounds> = { interpolation: { min: -0.5, max: 1.5 }, direction: { min: -1, max: 1 } };

export type Tab = 'landscape' | 'compare' | 'toy';
export type ViewKind = '3d' | 'contour' | 'heatmap';
export type CameraPreset = 'iso' | 'top' | 'side';
export type SectionId = 'data' | 'model' | 'train' | 'landscape' | 'critical' | 'symmetry' | 'compare';

/** The 3D views whose cameras a project keeps: the Landscape tab's, and the comparison's (its views move as one). */
export type CameraViewName = 'landscape' | 'compare';

/** An exact orbit camera: where it stands, the point it orbits, its vertical field of view (degrees) and zoom. */
export interface CameraView {
  position: [number, number, number];
  target: [number, number, number];
  fov: number;
  zoom: number;
}

export interface ViewSettings {
  tab: Tab;
  kind: ViewKind;
  /** The colormap of the surface, the colour bar, the contour plot and the heatmap. */
  colormap: ColormapName;
  /** Contour lines on the 3D surface and projected on its floor. */
  contours: boolean;
  /** The grid's lines drawn over the 3D surface. */
  wireframe: boolean;
  camera: CameraPreset;
  /** Bumped to re-apply the camera preset (reset). */
  cameraNonce: number;
  /** Cameras the user orbited (or a project brought back), shown instead of the preset until one is picked. */
  cameraViews: Partial<Record<CameraViewName, CameraView>>;
  /** Where the playback marker sits along the trajectory, 0 (start) … 1 (end). */
  playback: number;
  toySurface: ToySurfaceName;
  open: Record<SectionId, boolean>;
}

export interface ProjectState {
  format: typeof PROJECT_FORMAT;
  data: DataSettings;
  model: ModelSettings;
  train: TrainSettings;
  landscape: LandscapeSettings;
  line: LineSettings;
  view: ViewSettings;
  /** The comparison's variant: which single setting the second run changes. */
  compare: { variant: string };
  /** The critical-points and symmetry sections' settings. */
  analysis: AnalysisSettings;
}

/** A symmetry the Symmetry section applies to θ*: permute (random or reversed), flip, rescale, scale in front of batch norm. */
export type SymmetryChoice = 'permute-random' | 'permute-reverse' | 'flip' | 'rescale' | 'bn-scale';

/** The second optimum paths go to: θ*'s symmetry image, the same settings trained from seed + 1, or the Compare section's second run. */
export type PathEnd = 'image' | 'seed' | 'compare';

export interface AnalysisSettings {
  /** How many of the largest and smallest Hessian eigenvalues. */
  top: number;
  method: 'auto' | 'full' | 'lanczos';
  /** Also estimate the spectral density (stochastic Lanczos quadrature). */
  density: boolean;
  symmetry: SymmetryChoice;
  /** Hidden layer (0 = first) and unit the transform acts on; the rescale factor a. */
  layer: number;
  unit: number;
  factor: number;
  /** Seeds the random permutation. */
  seed: number;
  /** Paths between optima: the second endpoint, the Bezier curve's training steps, and the plane's third point. */
  pathEnd: PathEnd;
  curveSteps: number;
  planeThird: 'control' | 'aligned';
  /** The critical-point search from θ*: saddle-free Newton (towards a minimum) or LM ('auto', to the nearest critical point), and its ‖∇L‖ tolerance. */
  searchMethod: 'saddle-free' | 'auto';
  searchTolerance: number;
}

/** Grid resolutions offered in the landscape panel. */
export const RESOLUTIONS: readonly number[] = [21, 31, 41, 51, 81, 101, 151, 201];

/** A new project: the lecture's Iris example, untrained. */
export function defaultProject(): ProjectState {
  const base: ProjectState = {
    format: PROJECT_FORMAT,
    data: {
      source: 'builtin',
      builtin: 'iris',
      synthetic: { name: 'moons', samples: 400, noise: 0.15 },
      features: null,
      testFraction: 0.2,
      constantInput: false,
      seed: 0,
    },
    model: { hidden: [{ width: 16, activation: 'tanh', batchNorm: false }], bias: true, residual: 0, weightDecay: 0, init: { weights: 'xavier-normal' } },
    train: { preset: null, optimizer: 'adam', lr: 0.01, momentum: 0.9, batchSize: 32, epochs: 50, seed: 0 },
    landscape: {
      directions: 'random',
      normalization: 'filter',
      ignoreBiasBn: true,
      directionSeed: 0,
      alpha: { min: -1, max: 1 },
      beta: { min: -1, max: 1 },
      autoRange: true,
      resolution: 41,
      split: 'train',
      norm: 'batch',
      metric: 'loss',
      logScale: false,
    },
    line: { slice: 'plane', path: 'interpolation', range: LINE_RANGES.interpolation, steps: 101 },
    view: {
      tab: 'landscape',
      kind: '3d',
      colormap: 'viridis',
      contours: false,
      wireframe: false,
      camera: 'iso',
      cameraNonce: 0,
      cameraViews: {},
      playback: 1,
      toySurface: 'saddle',
      open: { data: true, model: false, train: true, landscape: true, critical: false, symmetry: false, compare: false },
    },
    compare: { variant: 'batch-norm' },
    analysis: { top: 5, method: 'auto', density: true, symmetry: 'permute-random', layer: 0, unit: 0, factor: 2, seed: 0, pathEnd: 'image', curveSteps: 300, planeThird: 'control', searchMethod: 'saddle-free', searchTolerance: 1e-10 },
  };
  return applyPreset(base, 'seed-iris');
}

/** The presets' names, in menu order, with their descriptions. */
export const presetNames: readonly string[] = Object.keys(presets);

/** The project with a preset's data, model and training settings. */
export function applyPreset(state: ProjectState, name: string): ProjectState {
  const recipe = presetRecipe(name);
  const source = recipe.data.source;
  const data: DataSettings = {
    ...state.data,
    source: source.kind === 'synthetic' ? 'synthetic' : 'builtin',
    builtin: source.kind === 'builtin' ? source.name : state.data.builtin,
    synthetic: source.kind === 'synthetic' ? { name: source.name, samples: source.samples, noise: source.noise } : state.data.synthetic,
    features: recipe.data.features ?? null,
    testFraction: recipe.data.testFraction ?? 0.2,
    constantInput: recipe.data.constantInput ?? false,
    seed: recipe.data.seed,
  };
  const model: ModelSettings = {
    hidden: recipe.model.hidden,
    bias: recipe.model.bias,
    residual: recipe.model.residual,
    weightDecay: recipe.model.weightDecay,
    init: recipe.init,
  };
  const train: TrainSettings = {
    preset: name,
    optimizer: recipe.optimizer.kind,
    lr: recipe.optimizer.lr,
    momentum: recipe.optimizer.momentum ?? 0.9,
    batchSize: recipe.batchSize,
    epochs: recipe.epochs ?? state.train.epochs,
    seed: recipe.seed,
    // How fast to compute is the user's choice, not the preset's.
    ...(state.train.precision ? { precision: state.train.precision } : {}),
  };
  return { ...state, data, model, train };
}

/** The engine's description of the data a project trains on. */
export function dataSpecOf(data: DataSettings): DataSpec {
  return {
    source:
      data.source === 'file' && data.file
        ? structuredClone(data.file)
        : data.source === 'builtin'
          ? { kind: 'builtin', name: data.builtin }
          : { kind: 'synthetic', ...data.synthetic },
    ...(data.features ? { features: [...data.features] } : {}),
    testFraction: data.testFraction,
    constantInput: data.constantInput,
    seed: data.seed,
  };
}

/** The run recipe the Train panel's settings describe. */
export function recipeOf(state: Pick<ProjectState, 'data' | 'model' | 'train'>): RunRecipe {
  const { model, train } = state;
  const optimizer: OptimizerSpec = { kind: train.optimizer, lr: train.lr };
  if (train.optimizer === 'momentum' || train.optimizer === 'nesterov') optimizer.momentum = train.momentum;
  return {
    data: dataSpecOf(state.data),
    model: { hidden: model.hidden.map((h) => ({ ...h })), bias: model.bias, residual: model.residual, weightDecay: model.weightDecay },
    init: { ...model.init },
    optimizer,
    batchSize: train.optimizer === 'gd' ? 'full' : train.batchSize,
    epochs: train.epochs,
    seed: train.seed,
    ...(train.precision === 'float32' ? { precision: 'float32' as const } : {}),
  };
}

/** The surface request of the landscape settings (α and β with the grid's resolution). */
export function surfaceRequestOf(landscape: LandscapeSettings): SurfaceRequest {
  const directions: SurfaceRequest['directions'] =
    landscape.directions === 'pca'
      ? { kind: 'pca' }
      : { kind: 'random', normalization: landscape.normalization, ignore: landscape.ignoreBiasBn ? 'biasbn' : 'none', seed: landscape.directionSeed };
  return {
    directions,
    alpha: { ...landscape.alpha, count: landscape.resolution },
    beta: { ...landscape.beta, count: landscape.resolution },
    split: landscape.split,
    norm: landscape.norm,
    ...precisionOf(landscape),
    ...(landscape.samples ? { samples: { n: landscape.samples, seed: 0 } } : {}),
  };
}
