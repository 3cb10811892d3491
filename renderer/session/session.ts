// The session: the jobs the user starts from the panels (train, compute a surface, compare)
// and their results, in one value store the views subscribe to.
import { recipeOf, type LandscapeSettings, type ProjectState } from '../state/project.js';
import { createValueStore, type ValueStore } from '../state/store.js';
import { variantById, type RunSettings } from '../state/variants.js';
import { analysisControls, type AnalysisControls, type PlaneRequest } from './analysisJob.js';
import type { WorkerClients } from './clients.js';
import { criticalControls, type CriticalControls, type RefinedResult } from './criticalJob.js';
import { lineControls, type LineControls } from './lineJob.js';
import { pathsControls, type PathsControls } from './pathsJob.js';
import { sharpnessControls, type SharpnessControls } from './sharpnessJob.js';
import { newSurfaceJob, plannedRanges, prepareSurface, scanSurface, sharedRanges } from './surfaceJob.js';
import { startTrainingRun, type TrainingRun } from './trainingJob.js';
import { messageOf, type CompareJob, type CompareSide, type CriticalJob, type SessionState, type SpectrumJob, type SurfaceJob, type TrainingJob } from './types.js';

/** What an opened project or a refined θ* shows in place of the session's jobs. */
export interface RestoredJobs {
  training: TrainingJob | null;
  surface: SurfaceJob | null;
  compare?: CompareJob | null;
  spectrum?: SpectrumJob | null;
  critical?: CriticalJob | null;
}

export interface Session extends AnalysisControls, CriticalControls, LineControls, PathsControls, SharpnessControls {
  readonly store: ValueStore<SessionState>;
  /** Trains the project's current settings, replacing the current run (and its surface). */
  train(project: ProjectState): void;
  /** Trains the project's settings, then refines θ* with the Critical points section's search and scans the surface through it. */
  trainAndRefine(project: ProjectState): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Computes the surface of the current run with the project's landscape settings. */
  computeSurface(project: ProjectState): void;
  /** The surface of the current run in a plane of its own (directions from a file). */
  sliceAlong(project: ProjectState, plane: PlaneRequest): void;
  cancelSurface(): void;
  /** Trains and scans the variant's runs (two to four), side by side. */
  compare(project: ProjectState): void;
  cancelCompare(): void;
  /** Stops every job and shows finished results instead (an opened project's run, surface and comparison). */
  restore(make: (nextId: () => number) => RestoredJobs): void;
}

/** A session whose jobs run on `clients`' workers. */
export function createSession(clients: WorkerClients): Session {
  const store = createValueStore<SessionState>({ training: null, surface: null, line: null, compare: null, spectrum: null, symmetry: null, paths: null, sharpness: null, critical: null });
  let nextId = 1;
  let training: TrainingRun | null = null;
  let surfaceAbort: AbortController | null = null;
  let compareAbort: AbortController | null = null;
  let compareRuns: TrainingRun[] = [];

  let trainingId = 0;
  const setTraining = (job: TrainingJob) => store.update((s) => (job.id === trainingId ? { ...s, training: job } : s));
  const setSurface = (job: SurfaceJob) => store.update((s) => (s.surface?.id === job.id ? { ...s, surface: job } : s));
  const setCompare = (id: number, change: (job: CompareJob) => CompareJob) =>
    store.update((s) => (s.compare?.id === id ? { ...s, compare: change(s.compare) } : s));

  /** Trains one side of a comparison, reusing the session's run when it trained the same recipe. */
  const trainSide = async (id: number, index: number, settings: RunSettings, signal: AbortSignal): Promise<TrainingJob> => {
    const recipe = recipeOf(settings);
    const current = store.getState().training;
    if (current?.run && current.status === 'done' && current.key === JSON.stringify(recipe)) return current;
    const run = startTrainingRun(clients, nextId++, recipe, (job) =>
      setCompare(id, (c) => ({ ...c, sides: c.sides.map((side, k) => (k === index ? { ...side, training: job } : side)) })),
    );
    compareRuns.push(run);
    signal.addEventListener('abort', () => run.handle.stop(), { once: true });
    return run.finished;
  };

  const setSide = (id: number, index: number, patch: Partial<CompareSide>) =>
    setCompare(id, (c) => ({ ...c, sides: c.sides.map((side, k) => (k === index ? { ...side, ...patch } : side)) }));

  const runComparison = async (id: number, sides: RunSettings[], landscape: LandscapeSettings, signal: AbortSignal) => {
    const trained = await Promise.all(sides.map((settings, k) => trainSide(id, k, settings, signal)));
    trained.forEach((job, k) => setSide(id, k, { training: job }));
    if (signal.aborted) return;
    const failed = trained.find((job) => !job.run);
    if (failed) throw new Error(failed.error ?? `a run ended without parameters (${failed.status})`);
    const prepared = await Promise.all(trained.map((job) => prepareSurface(clients, job.run!, landscape)));
    if (signal.aborted) return;
    const ranges = sharedRanges(prepared.map((p) => plannedRanges(p, landscape)));
    const scans = prepared.map((p, k) => {
      const job = newSurfaceJob(nextId++, trained[k].id, landscape);
      return scanSurface(clients, job, p, ranges, signal, (next) => setSide(id, k, { surface: next }));
    });
    const done = await Promise.all(scans);
    if (done.some((job) => job.status === 'error')) throw new Error(done.find((job) => job.error)?.error ?? 'the scan failed');
  };

  /** Computes the surface of the current run: the landscape settings' plane, or `plane`. */
  const computeSurface = (project: ProjectState, plane?: PlaneRequest) => {
    const run = store.getState().training;
    if (!run?.run) return;
    surfaceAbort?.abort();
    const abort = new AbortController();
    surfaceAbort = abort;
    const settings: LandscapeSettings = plane
      ? { ...project.landscape, directions: 'random', autoRange: false, alpha: plane.alpha ?? project.landscape.alpha, beta: plane.beta ?? project.landscape.beta }
      : project.landscape;
    const job: SurfaceJob = { ...newSurfaceJob(nextId++, run.id, settings), ...(plane ? { plane: plane.plane, given: plane.choice } : {}) };
    store.update((s) => ({ ...s, surface: job }));
    prepareSurface(clients, run.run, settings, plane?.choice).then(
      (prepared) => {
        if (abort.signal.aborted) return;
        void scanSurface(clients, job, prepared, plannedRanges(prepared, settings), abort.signal, setSurface);
      },
      (error: unknown) => setSurface({ ...job, status: 'error', error: messageOf(error), revision: job.revision + 1 }),
    );
  };
  const analysis = analysisControls(clients, store, () => nextId++, computeSurface);
  const lines = lineControls(clients, store, () => nextId++);
  const paths = pathsControls(clients, store, () => nextId++, computeSurface);
  const sharpness = sharpnessControls(clients, store, () => nextId++);
  const cancelAnalyses = () => {
    lines.cancelLine();
    analysis.cancelSpectrum();
    paths.cancelPaths();
    sharpness.cancelSharpness();
    critical.cancelCritical();
  };
  const cancelCompare = () => {
    if (!compareAbort) return;
    compareAbort.abort();
    compareAbort = null;
    const current = store.getState().compare;
    if (current?.status === 'running') setCompare(current.id, (c) => ({ ...c, status: 'cancelled' }));
  };
  const restore = (make: (nextId: () => number) => RestoredJobs) => {
    training?.handle.stop();
    training = null;
    surfaceAbort?.abort();
    cancelCompare();
    cancelAnalyses();
    const { training: job, surface, compare = null, spectrum = null, critical = null } = make(() => nextId++);
    trainingId = job?.id ?? 0;
    store.update(() => ({ training: job, surface, line: null, compare, spectrum, symmetry: null, paths: null, sharpness: null, critical }));
  };
  const adoptRefined = (result: RefinedResult, rescan: ProjectState | null) => {
    restore(() => ({ ...result, surface: null }));
    if (rescan) computeSurface(rescan);
  };
  const critical = criticalControls(clients, store, () => nextId++, adoptRefined);
  const train = (project: ProjectState): TrainingRun => {
    training?.handle.stop();
    surfaceAbort?.abort();
    cancelAnalyses();
    store.update((s) => ({ ...s, surface: null, line: null, spectrum: null, symmetry: null, paths: null, sharpness: null, critical: null }));
    trainingId = nextId++;
    training = startTrainingRun(clients, trainingId, recipeOf(project), setTraining);
    return training;
  };

  return {
    store,
    ...analysis,
    ...critical,
    ...lines,
    ...paths,
    ...sharpness,
    train(project) {
      train(project);
    },
    trainAndRefine(project) {
      const run = train(project);
      void run.finished.then((job) => {
        if (job.id === trainingId && job.status === 'done') critical.refineCritical(project, true);
      });
    },
    pause: () => training?.handle.pause(),
    resume: () => training?.handle.resume(),
    stop: () => training?.handle.stop(),
    computeSurface: (project) => computeSurface(project),
    sliceAlong: computeSurface,
    cancelSurface() {
      surfaceAbort?.abort();
      const job = store.getState().surface;
      if (job?.status === 'preparing') setSurface({ ...job, status: 'cancelled', revision: job.revision + 1 });
    },
    compare(project) {
      cancelCompare();
      const abort = new AbortController();
      compareAbort = abort;
      compareRuns = [];
      const variant = variantById(project.compare.variant);
      const runs = variant.runs({ data: project.data, model: project.model, train: project.train });
      const id = nextId++;
      const side = (label: string, settings: RunSettings): CompareSide => ({ label, settings, training: null, surface: null });
      const job: CompareJob = {
        id,
        variant: variant.id,
        status: 'running',
        sides: runs.map((settings) => side(`${variant.setting}: ${variant.describe(settings)}`, settings)),
        error: null,
      };
      store.update((s) => ({ ...s, compare: job }));
      runComparison(id, runs, project.landscape, abort.signal).then(
        () => setCompare(id, (c) => ({ ...c, status: abort.signal.aborted ? 'cancelled' : 'ready' })),
        (error: unknown) => setCompare(id, (c) => ({ ...c, status: abort.signal.aborted ? 'cancelled' : 'error', error: messageOf(error) })),
      );
    },
    restore,
    cancelCompare,
  };
}
