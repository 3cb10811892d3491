// Worker clients that run the real endpoints in this process, for testing the session
// without browsers: the same engine code the Web Workers run, called directly.
import type { Remote } from 'comlink';
import { dataEndpoint } from '../../../workers/data.js';
import { landscapeEndpoint, type LandscapeEndpoint } from '../../../workers/landscape.js';
import { createLandscapePool } from '../../../workers/pool.js';
import { trainingEndpoint } from '../../../workers/training.js';
import type { WorkerClients } from '../../../renderer/session/clients.js';
import type { AnalysisEndpoint } from '../../../workers/analysis.js';
import { spawnNodeWorker, type NodeWorker } from '../../../workers/node/spawn.js';

/** Lets other callbacks (progress, timers) run between steps, as a worker would. */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** In-process clients; the scan pool has one "worker" (the endpoint keeps one plan at a time). */
export function inProcessClients(): WorkerClients {
  const remote = {
    setup: async (...args: Parameters<LandscapeEndpoint['setup']>) => landscapeEndpoint.setup(...args),
    tile: async (...args: Parameters<LandscapeEndpoint['tile']>) => {
      await turn();
      return landscapeEndpoint.tile(...args);
    },
    pathPoint: async (...args: Parameters<LandscapeEndpoint['pathPoint']>) => {
      await turn();
      return landscapeEndpoint.pathPoint(...args);
    },
  } as unknown as Remote<LandscapeEndpoint>;
  const pool = createLandscapePool(1, () => ({ remote, terminate: () => undefined }));
  return {
    describeData: async (spec) => dataEndpoint.describe(spec),
    startTraining(recipe, onProgress) {
      const result = turn().then(() => trainingEndpoint.train(recipe, onProgress));
      return { result, pause: () => trainingEndpoint.pause(), resume: () => trainingEndpoint.resume(), stop: () => trainingEndpoint.stop() };
    },
    prepareSurface: async (run, request) => landscapeEndpoint.prepareSurface(run, request),
    prepareLine: async (run, request) => landscapeEndpoint.prepareLine(run, request),
    pool,
  };
}

/** Makers of in-process clients whose analysis runs in worker threads (terminating one cancels its job); `close` ends them all. */
export function withAnalysisWorkers(): { clients: () => WorkerClients; close: () => Promise<unknown> } {
  const workers: NodeWorker<AnalysisEndpoint>[] = [];
  const clients = (): WorkerClients => ({
    ...inProcessClients(),
    startAnalysis() {
      const w = spawnNodeWorker<AnalysisEndpoint>(new URL('../../../workers/node/analysis.worker.ts', import.meta.url));
      workers.push(w);
      return { remote: w.remote, failed: w.crashed, terminate: () => void w.terminate() };
    },
  });
  return { clients, close: () => Promise.all(workers.map((w) => w.terminate())) };
}
