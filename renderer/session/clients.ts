// The renderer's handles on its workers. Everything numeric runs there: data preparation,
// training (one worker per run), surface planning and the scan pool. Nothing here computes.
import { proxy, wrap, type Remote } from 'comlink';
import type { FileSource } from '../../engine/data/fileSource.js';
import type { DataSpec } from '../../engine/data/prepare.js';
import type { RunFile } from '../../engine/io/runFile.js';
import type { SurfaceRequest } from '../../engine/landscape/surface.js';
import type { AnalysisEndpoint } from '../../workers/analysis.js';
import type { RunRecipe } from '../../engine/train/recipe.js';
import type { DataEndpoint, DataSummary } from '../../workers/data.js';
import type { ScanPlan } from '../../engine/landscape/plan.js';
import type { LandscapeEndpoint, LineRequest, PreparedSurface } from '../../workers/landscape.js';
import type { LandscapePool } from '../../workers/pool.js';
import type { ArrayFileBytes, HeldDataEndpoint } from '../../workers/heldData.js';
import type { TrainingEndpoint, TrainProgress } from '../../workers/training.js';
import { createWebLandscapePool } from '../../workers/web/landscapePool.js';
import { openArrays, shareArraysWith } from './heldArrays.js';

/** A training run in its own worker. */
export interface TrainingHandle {
  /** The run file when the run ends (done, stopped or diverged); rejects if the recipe is invalid. */
  result: Promise<RunFile>;
  pause(): void;
  resume(): void;
  stop(): void;
}

/** The analysis worker: Hessian spectra and symmetries. Terminating it cancels its job. */
export interface AnalysisWorker {
  remote: Remote<AnalysisEndpoint>;
  /** Rejects if the worker fails to load or crashes. */
  failed: Promise<never>;
  terminate(): void;
}

/** What the session asks of workers; the tests and the app may provide different ones. */
export interface WorkerClients {
  describeData(spec: DataSpec): Promise<DataSummary>;
  /** Opens array files (a .npz, or X and y) for DataSpecs to name (absent where files cannot be opened). */
  openArrays?(data: ArrayFileBytes, labels?: ArrayFileBytes): Promise<FileSource>;
  startTraining(recipe: RunRecipe, onProgress: (progress: TrainProgress) => void): TrainingHandle;
  prepareSurface(run: RunFile, request: SurfaceRequest): Promise<PreparedSurface>;
  /** Plans a 1D slice of `run`; the pool scans it. */
  prepareLine(run: RunFile, request: LineRequest): Promise<ScanPlan>;
  /** The scan pool: one for the app's lifetime. */
  readonly pool: LandscapePool;
  /** A new analysis worker (absent where analysis is not offered). */
  startAnalysis?(): AnalysisWorker;
}

/** A new analysis worker of `clients`; throws where analysis is not offered. */
export function analysisWorkerOf(clients: WorkerClients): AnalysisWorker {
  if (!clients.startAnalysis) throw new Error('analysis is not available here');
  return clients.startAnalysis();
}

/**
 * Each worker is created with a literal `new Worker(new URL(…, import.meta.url))`: that is
 * the form Vite recognizes and bundles as a worker.
 */
const workerFactories = {
  data: () => new Worker(new URL('../../workers/data.worker.ts', import.meta.url), { type: 'module', name: 'data' }),
  training: () => new Worker(new URL('../../workers/training.worker.ts', import.meta.url), { type: 'module', name: 'training' }),
  landscape: () => new Worker(new URL('../../workers/landscape.worker.ts', import.meta.url), { type: 'module', name: 'landscape-plan' }),
  analysis: () => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
};

/** A module Web Worker wrapped with comlink (holding the opened array files), and a promise that rejects if it fails to load or crashes. */
function startWorker<T>(name: keyof typeof workerFactories): { remote: Remote<T & HeldDataEndpoint>; failed: Promise<never>; worker: Worker } {
  const worker = workerFactories[name]();
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(`the ${name} worker failed: ${event.message || 'it could not be started'}`)));
  });
  failed.catch(() => undefined);
  const remote = wrap<T & HeldDataEndpoint>(worker);
  shareArraysWith(remote);
  return { remote, failed, worker };
}

/** The page's workers, each started on first use. */
export function webClients(): WorkerClients {
  let data: ReturnType<typeof startWorker<DataEndpoint>> | null = null;
  let landscape: ReturnType<typeof startWorker<LandscapeEndpoint>> | null = null;
  let pool: LandscapePool | null = null;
  return {
    describeData(spec) {
      data ??= startWorker<DataEndpoint>('data');
      return Promise.race([data.remote.describe(spec), data.failed]);
    },
    openArrays(files, labels) {
      data ??= startWorker<DataEndpoint>('data');
      return Promise.race([openArrays(data.remote, files, labels), data.failed]);
    },
    startTraining(recipe, onProgress) {
      const { remote, failed, worker } = startWorker<TrainingEndpoint>('training');
      const result = Promise.race([remote.train(recipe, proxy(onProgress)), failed]);
      result.then(
        () => worker.terminate(),
        () => worker.terminate(),
      );
      return {
        result,
        pause: () => void remote.pause(),
        resume: () => void remote.resume(),
        stop: () => void remote.stop(),
      };
    },
    prepareSurface(run, request) {
      landscape ??= startWorker<LandscapeEndpoint>('landscape');
      return Promise.race([landscape.remote.prepareSurface(run, request), landscape.failed]);
    },
    prepareLine(run, request) {
      landscape ??= startWorker<LandscapeEndpoint>('landscape');
      return Promise.race([landscape.remote.prepareLine(run, request), landscape.failed]);
    },
    startAnalysis() {
      const { remote, failed, worker } = startWorker<AnalysisEndpoint>('analysis');
      return { remote, failed, terminate: () => worker.terminate() };
    },
    get pool() {
      // One core stays free for the UI (and the training worker) while a surface is scanned.
      pool ??= createWebLandscapePool(Math.max(1, (navigator.hardwareConcurrency || 2) - 1));
      return pool;
    },
  };
}
