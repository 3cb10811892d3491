// The training job as a comlink endpoint: runs a recipe in chunks of steps, reports
// progress after each, and between chunks lets pause, resume and stop messages in.
import { regionPlane, regionSampler, type RegionGrid } from '../engine/analysis/decisionRegions.js';
import { runFileOf, type RunFile } from '../engine/io/index.js';
import { startRun, type HistoryEntry, type RunRecipe, type TrainStatus } from '../engine/train/index.js';

export interface TrainProgress {
  step: number;
  totalSteps: number;
  status: TrainStatus;
  /** Minibatch losses of the steps since the last report. */
  stepLosses: number[];
  /** History entries (full-split metrics) since the last report. */
  history: HistoryEntry[];
  /** The current θ, for live views (decision regions, the path so far). */
  theta: Float64Array;
  /** For two-input classification: the decision regions now, at most every REGIONS_INTERVAL_MS and at the end. */
  regions?: RegionGrid;
  message?: string;
}

/** Wall-clock time a chunk of steps may take before control returns to the message loop. */
const CHUNK_MS = 40;

/** Least time between two decision-region snapshots (each is one forward pass over 64 × 64 inputs). */
const REGIONS_INTERVAL_MS = 200;

const control = { paused: false, stopped: false, wake: () => {} };

/** Lets queued messages (pause, stop) run before the next chunk. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const trainingEndpoint = {
  /**
   * Trains a recipe to its end, or until stopped or diverged, calling `onProgress` after
   * every chunk of steps; resolves with the run file. Each report is awaited: a proxied
   * callback travels on its own channel, so without the wait the run file could overtake
   * the last reports.
   */
  async train(recipe: RunRecipe, onProgress?: (progress: TrainProgress) => void | Promise<void>): Promise<RunFile> {
    Object.assign(control, { paused: false, stopped: false });
    const { trainer, data } = startRun(recipe);
    const { state } = trainer;
    const plane = regionPlane(data);
    const regionsAt = plane && regionSampler(trainer.config.spec, plane);
    let regionsTime = -Infinity;
    let reportedSteps = 0;
    let reportedHistory = 0;
    let chunk = 1;
    for (;;) {
      const started = Date.now();
      const more = trainer.advance(chunk);
      // Grow or shrink the chunk so each takes about CHUNK_MS; the numbers do not depend on it.
      chunk = Math.max(1, Math.round((chunk * CHUNK_MS) / Math.max(1, Date.now() - started)));
      const losses = state.stepLosses.values();
      const now = Date.now();
      const regions = regionsAt && (!more || now - regionsTime >= REGIONS_INTERVAL_MS) ? regionsAt(state.theta, state.buffers) : null;
      if (regions) regionsTime = now;
      await onProgress?.({
        step: state.step,
        totalSteps: state.totalSteps,
        status: state.status,
        stepLosses: Array.from(losses.subarray(reportedSteps)),
        history: state.history.slice(reportedHistory),
        theta: state.theta.slice(),
        ...(regions ? { regions } : {}),
        ...(state.message ? { message: state.message } : {}),
      });
      reportedSteps = losses.length;
      reportedHistory = state.history.length;
      if (!more) break;
      await nextTurn();
      while (control.paused && !control.stopped) await new Promise<void>((resolve) => (control.wake = resolve));
      if (control.stopped) {
        trainer.stop();
        break;
      }
    }
    return runFileOf(recipe, trainer);
  },
  /** Holds the run after the current chunk. */
  pause(): void {
    control.paused = true;
  },
  resume(): void {
    control.paused = false;
    control.wake();
  },
  /** Ends the run after the current chunk; `train` resolves with what was done. */
  stop(): void {
    control.stopped = true;
    control.wake();
  },
};

/** The endpoint's type, for `wrap<TrainingEndpoint>()`. */
export type TrainingEndpoint = typeof trainingEndpoint;
