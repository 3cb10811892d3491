// The critical-points and symmetry jobs: the Hessian spectrum at the current run's θ* and
// weight-space symmetries applied to it, both in the analysis worker. A spectrum is cancelled
// by terminating that worker (its eigensolver cannot read messages while it runs).
import { proxy } from 'comlink';
import type { SymmetryTransform } from '../../engine/analysis/symmetry/transform.js';
import { runStateOf } from '../../engine/io/runFile.js';
import { normalizeDirection, randomDirection } from '../../engine/landscape/directions.js';
import type { GivenDirections } from '../../engine/landscape/surface.js';
import { buildLayout } from '../../engine/nn/layout.js';
import type { AnalysisSettings, AxisBounds, ProjectState } from '../state/project.js';
import type { ValueStore } from '../state/store.js';
import { analysisWorkerOf, type AnalysisWorker, type WorkerClients } from './clients.js';
import type { SpectrumRequest } from '../../workers/analysis.js';
import { messageOf, type SessionState, type SpectrumJob, type SurfaceJob, type SymmetryJob } from './types.js';

/** A plane other than the landscape settings' one, for computeSurface. */
export interface PlaneRequest {
  choice: GivenDirections;
  alpha?: AxisBounds;
  beta?: AxisBounds;
  plane: NonNullable<SurfaceJob['plane']>;
}

export interface AnalysisControls {
  /** The Hessian spectrum, trace, (density) and classification at the current run's θ*. */
  computeSpectrum(project: ProjectState): void;
  cancelSpectrum(): void;
  /** Applies the Symmetry section's transform to θ* and checks the loss. */
  applySymmetry(project: ProjectState): void;
  /** The surface along the spectrum's curvature directions. */
  sliceAlongEigenvectors(project: ProjectState): void;
  /** The surface through θ* and its symmetry image (α = 0 and α = 1), β along a random filter-normalized direction. */
  sliceThroughImage(project: ProjectState): void;
}

/** A deterministic permutation of 0 … n − 1 (Fisher–Yates on a small seeded generator). */
export function seededPermutation(n: number, seed: number): number[] {
  let s = (seed * 2654435761 + 0x9e3779b9) >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** The transform the Symmetry section describes, for a layer of `width` units. */
export function transformOf(settings: AnalysisSettings, width: number): SymmetryTransform {
  const { layer, unit, factor } = settings;
  switch (settings.symmetry) {
    case 'permute-random':
      return { kind: 'permute', layer, permutation: seededPermutation(width, settings.seed) };
    case 'permute-reverse':
      return { kind: 'permute', layer, permutation: Array.from({ length: width }, (_, i) => width - 1 - i) };
    case 'flip':
      return { kind: 'flip', layer, unit };
    case 'rescale':
      return { kind: 'rescale', layer, unit, factor };
    case 'bn-scale':
      return { kind: 'bn-scale', layer, unit, factor, approximate: true }; // the panel offers it as approximate and says so
  }
}

/** The spectrum the Critical points section asks for: its extremes, method and density, on the landscape's split. */
export function spectrumRequestOf(project: ProjectState): SpectrumRequest {
  const { top, method, density } = project.analysis;
  return { split: project.landscape.split, norm: project.landscape.norm, top, bottom: top, method, density, seed: 0 };
}

/** The analysis jobs of a session: they write `spectrum` and `symmetry` into its store. */
export function analysisControls(
  clients: WorkerClients,
  store: ValueStore<SessionState>,
  nextId: () => number,
  computePlane: (project: ProjectState, plane: PlaneRequest) => void,
): AnalysisControls {
  let worker: AnalysisWorker | null = null;
  const analysisWorker = (): AnalysisWorker => {
    worker ??= analysisWorkerOf(clients);
    return worker;
  };
  const setSpectrum = (job: SpectrumJob) => store.update((s) => (s.spectrum?.id === job.id ? { ...s, spectrum: job } : s));
  const setSymmetry = (job: SymmetryJob) => store.update((s) => (s.symmetry?.id === job.id ? { ...s, symmetry: job } : s));
  const currentRun = () => {
    const training = store.getState().training;
    return training?.run ? { id: training.id, run: training.run, recipe: training.recipe } : null;
  };

  return {
    computeSpectrum(project) {
      const current = currentRun();
      if (!current) return;
      if (store.getState().spectrum?.status === 'running') this.cancelSpectrum();
      let job: SpectrumJob = { id: nextId(), trainingId: current.id, status: 'running', stage: null, done: 0, total: 0, report: null, error: null };
      store.update((s) => ({ ...s, spectrum: job }));
      let last = 0;
      const onProgress = (stage: SpectrumJob['stage'], done: number, total: number) => {
        const now = performance.now();
        if (now - last < 80 && done < total) return;
        last = now;
        job = { ...job, stage, done, total };
        if (store.getState().spectrum?.id === job.id && store.getState().spectrum?.status === 'running') setSpectrum(job);
      };
      let w: AnalysisWorker;
      try {
        w = analysisWorker();
      } catch (error) {
        setSpectrum({ ...job, status: 'error', error: messageOf(error) });
        return;
      }
      Promise.race([w.remote.spectrum(current.run, spectrumRequestOf(project), proxy(onProgress)), w.failed]).then(
        (report) => {
          if (store.getState().spectrum?.status !== 'running') return;
          setSpectrum({ ...job, status: 'ready', report, stage: null });
        },
        (error: unknown) => {
          if (store.getState().spectrum?.status !== 'running') return;
          setSpectrum({ ...job, status: 'error', error: messageOf(error) });
        },
      );
    },
    cancelSpectrum() {
      const job = store.getState().spectrum;
      if (job?.status !== 'running') return;
      worker?.terminate();
      worker = null;
      setSpectrum({ ...job, status: 'cancelled' });
      // A symmetry check in the same worker went with it.
      const symmetry = store.getState().symmetry;
      if (symmetry?.status === 'running') setSymmetry({ ...symmetry, status: 'cancelled' });
    },
    applySymmetry(project) {
      const current = currentRun();
      if (!current) return;
      const width = current.recipe.model.hidden[project.analysis.layer]?.width ?? 0;
      const transform = transformOf(project.analysis, width);
      const job: SymmetryJob = { id: nextId(), trainingId: current.id, status: 'running', transform, report: null, error: null };
      store.update((s) => ({ ...s, symmetry: job }));
      let w: AnalysisWorker;
      try {
        w = analysisWorker();
      } catch (error) {
        setSymmetry({ ...job, status: 'error', error: messageOf(error) });
        return;
      }
      Promise.race([w.remote.symmetry(current.run, transform, project.landscape.split), w.failed]).then(
        (report) => setSymmetry({ ...job, status: 'ready', report }),
        (error: unknown) => setSymmetry({ ...job, status: 'error', error: messageOf(error) }),
      );
    },
    sliceAlongEigenvectors(project) {
      const spectrum = store.getState().spectrum;
      const current = currentRun();
      if (!spectrum?.report || !current || spectrum.trainingId !== current.id) return;
      const { choice, values, mode } = spectrum.report.directions;
      const label = mode === 'saddle' ? `Hessian eigenvectors (λ = ${values[0].toPrecision(3)}, ${values[1].toPrecision(3)}; saddle)` : `top Hessian eigenvectors (λ = ${values[0].toPrecision(3)}, ${values[1].toPrecision(3)})`;
      computePlane(project, { choice, plane: { label } });
    },
    sliceThroughImage(project) {
      const symmetry = store.getState().symmetry;
      const current = currentRun();
      if (!symmetry?.report || !current || symmetry.trainingId !== current.id) return;
      const state = runStateOf(current.run);
      const image = symmetry.report.theta;
      const d1 = Float64Array.from(state.theta, (t, i) => image[i] - t);
      const layout = buildLayout(state.spec);
      const d2 = normalizeDirection(randomDirection(layout, project.landscape.directionSeed, 1), state.theta, layout, { normalization: 'filter', ignore: 'biasbn' });
      computePlane(project, {
        choice: { kind: 'given', directions: [d1, d2], label: 'θ* → its symmetry image, random' },
        alpha: { min: -0.5, max: 1.5 },
        beta: { min: -1, max: 1 },
        plane: { label: 'θ* (α = 0) and its symmetry image (α = 1) · β random filter-normalized', image: { alpha: 1, beta: 0 } },
      });
    },
  };
}
