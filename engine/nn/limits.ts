// How much memory training a model takes, worked out from its spec before anything is
// allocated, so a model too large to train is refused with its size instead of stalling
// the machine (or failing later with a bare RangeError).
import { ValueError } from '../errors.js';
import { buildLayout } from './layout.js';
import type { MlpSpec } from './spec.js';

/**
 * The most memory a training run may plan on: 8 GiB. A fixed budget rather than a share of
 * the machine's memory, so a recipe is accepted or refused alike on every machine, and in
 * the app (a browser does not tell how much memory there is) as in the CLI. It admits the
 * MLPs people train on MNIST: with batches of 128 and 48 000 + 12 000 images, 784→256→256→10
 * (P = 269 322) needs about 1.1 GiB and 784→1000→1000→10 (P ≈ 1.8 M) about 5 GiB; a hidden
 * layer a million wide on Iris needs 9.3 GiB and is refused.
 */
export const TRAINING_MEMORY_LIMIT = 8 * 2 ** 30;

/** What a run holds besides the model's shape. */
export interface TrainingFootprint {
  /** Samples the network's workspaces hold, summed: the batch, and the full splits the metrics are measured on. */
  rows: number;
  /** Vectors of length P held at once: θ, its gradient, the optimizer's state, the trajectory's snapshots. */
  thetaCopies: number;
}

/** Arrays a workspace keeps per sample and unit: pre-activations, activations, normalized values, gradients. */
const ARRAYS_PER_UNIT = 4;

/** P, and the bytes of float64 arrays a run of this model with this footprint allocates. */
export function trainingMemory(spec: MlpSpec, footprint: TrainingFootprint): { parameters: number; bytes: number } {
  const parameters = buildLayout(spec).size;
  const units = spec.hidden.reduce((sum, h) => sum + h.width, spec.outputs);
  const doubles = footprint.thetaCopies * parameters + ARRAYS_PER_UNIT * footprint.rows * units;
  return { parameters, bytes: 8 * doubles };
}

/** Bytes in GiB to two significant digits: `14 GiB`, `0.53 GiB`. */
function gibibytes(bytes: number): string {
  return `${Number((bytes / 2 ** 30).toPrecision(2))} GiB`;
}

/** Throws a ValueError, with P, the estimate and the limit, when training this model would need more than `limit` bytes. */
export function checkTrainingMemory(spec: MlpSpec, footprint: TrainingFootprint, limit = TRAINING_MEMORY_LIMIT): void {
  const { parameters, bytes } = trainingMemory(spec, footprint);
  if (bytes <= limit) return;
  throw new ValueError(
    `the model is too large to train: ${parameters.toLocaleString('en-US')} parameters, and the run would need about ${gibibytes(bytes)} ` +
      `(${footprint.thetaCopies} copies of θ, activations of ${footprint.rows.toLocaleString('en-US')} samples), more than the limit of ${gibibytes(limit)}; ` +
      'use fewer or narrower hidden layers, a smaller batch or fewer trajectory snapshots',
  );
}
