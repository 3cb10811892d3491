// Paths between optima: from the current run's θ* to a second optimum (its symmetry image, the
// same settings trained from seed + 1, or the Compare section's second run) along the straight
// line, the line after weight matching, and a trained Bezier curve. They run in an analysis
// worker of their own, so cancelling (terminating it) leaves a spectrum alone. Then the plane
// through θ*, the second optimum and a third point, in one click.
import { proxy } from 'comlink';
import { planeBounds } from '../../engine/analysis/symmetry/plane.js';
import type { PathsEnd, PathsStage } from '../../workers/paths.js';
import type { PathEnd, ProjectState } from '../state/project.js';
import type { ValueStore } from '../state/store.js';
import type { PlaneRequest } from './analysisJob.js';
import { analysisWorkerOf, type AnalysisWorker, type WorkerClients } from './clients.js';
import { startTrainingRun, type TrainingRun } from './trainingJob.js';
import { messageOf, type PathsJob, type SessionState, type TrainingJob } from './types.js';

export interface PathsControls {
  /** The three paths from θ* to the Symmetry section's second endpoint. */
  computePaths(project: ProjectState): void;
  cancelPaths(): void;
  /** The surface on the plane through θ*, the second endpoint and the chosen third point. */
  slicePathsPlane(project: ProjectState): void;
}

/** How the plot and the plane's marker name the second endpoint. */
export function endLabelOf(end: PathEnd, training: Pick<TrainingJob, 'recipe'>): string {
  switch (end) {
    case 'image':
      return 'θ*’s symmetry image';
    case 'seed':
      return `the run with seed ${training.recipe.seed + 1}`;
    case 'compare':
      return 'the Compare run';
  }
}

/** What the third point of the plane is called. */
export const THIRD_LABELS = { control: 'Bezier control point', aligned: 'aligned endpoint' } as const;

/** The paths job of a session: it writes `paths` into its store. */
export function pathsControls(
  clients: WorkerClients,
  store: ValueStore<SessionState>,
  nextId: () => number,
  computePlane: (project: ProjectState, plane: PlaneRequest) => void,
): PathsControls {
  let worker: AnalysisWorker | null = null;
  let second: TrainingRun | null = null;
  const isRunning = (id: number) => store.getState().paths?.id === id && store.getState().paths?.status === 'running';
  const set = (job: PathsJob) => store.update((s) => (s.paths?.id === job.id ? { ...s, paths: job } : s));

  /** The endpoint the worker needs; trains the seed + 1 run first, reporting its steps. */
  const endpointOf = async (end: PathEnd, training: TrainingJob, onTraining: (job: TrainingJob) => void): Promise<PathsEnd> => {
    if (end === 'image') {
      const symmetry = store.getState().symmetry;
      if (symmetry?.status !== 'ready' || symmetry.trainingId !== training.id) throw new Error('apply a symmetry first: θ*’s image is the second endpoint');
      return { kind: 'image', transform: symmetry.transform };
    }
    if (end === 'compare') {
      const run = store.getState().compare?.sides[1].training?.run;
      if (!run) throw new Error('run a comparison first (Compare section): its second run is the second endpoint');
      return { kind: 'run', run };
    }
    if (!training.recipe.epochs && !training.recipe.steps) {
      throw new Error('this model was opened, not trained here: there is no recipe to train a second run from; take θ*’s symmetry image or the Compare run as the second endpoint');
    }
    second = startTrainingRun(clients, nextId(), { ...training.recipe, seed: training.recipe.seed + 1 }, onTraining);
    const trained = await second.finished;
    if (!trained.run) throw new Error(trained.error ?? `the second run ended without parameters (${trained.status})`);
    return { kind: 'run', run: trained.run };
  };

  return {
    computePaths(project) {
      const training = store.getState().training;
      if (!training?.run) return;
      this.cancelPaths();
      const settings = project.analysis;
      let job: PathsJob = { id: nextId(), trainingId: training.id, status: 'running', endLabel: endLabelOf(settings.pathEnd, training), stage: null, done: 0, total: 0, report: null, error: null };
      store.update((s) => ({ ...s, paths: job }));
      let last = 0;
      const onProgress = (stage: PathsJob['stage'], done: number, total: number) => {
        const now = performance.now();
        if (!isRunning(job.id) || (now - last < 80 && stage === job.stage && done < total)) return;
        last = now;
        job = { ...job, stage, done, total };
        set(job);
      };
      const run = async () => {
        const end = await endpointOf(settings.pathEnd, training, (t) => onProgress('train', t.step, t.totalSteps));
        if (!isRunning(job.id)) return null;
        const w = analysisWorkerOf(clients);
        worker = w;
        const request = { end, split: project.landscape.split, points: 41, curveSteps: settings.curveSteps, seed: settings.seed };
        try {
          return await Promise.race([w.remote.paths(training.run!, request, proxy((stage: PathsStage, done: number, total: number) => onProgress(stage, done, total))), w.failed]);
        } finally {
          w.terminate();
          if (worker === w) worker = null;
        }
      };
      run().then(
        (report) => {
          if (report && isRunning(job.id)) set({ ...job, status: 'ready', stage: null, report });
        },
        (error: unknown) => {
          if (isRunning(job.id)) set({ ...job, status: 'error', error: messageOf(error) });
        },
      );
    },
    cancelPaths() {
      const job = store.getState().paths;
      if (job?.status !== 'running') return;
      worker?.terminate();
      worker = null;
      second?.handle.stop();
      second = null;
      set({ ...job, status: 'cancelled' });
    },
    slicePathsPlane(project) {
      const paths = store.getState().paths;
      const training = store.getState().training;
      if (!paths?.report || !training?.run || paths.trainingId !== training.id) return;
      const which = project.analysis.planeThird;
      const plane = paths.report.planes[which];
      if ('reason' in plane) return;
      const third = { ...plane.third, label: THIRD_LABELS[which] };
      computePlane(project, {
        choice: { kind: 'given', directions: [plane.d1, plane.d2], label: `θ*, ${paths.endLabel} and the ${third.label}` },
        ...planeBounds(plane.third),
        plane: {
          label: `plane through θ* (0, 0), ${paths.endLabel} (1, 0), ${third.label} (${third.alpha.toFixed(2)}, ${third.beta.toFixed(2)})`,
          image: { alpha: 1, beta: 0, label: paths.endLabel },
          third,
        },
      });
    },
  };
}
