// Surfaces and lines as .npz, loadable with `numpy.load(path)`: a zip of .npy arrays, stored
// uncompressed as numpy.savez does. Missing values are NaN.
import { zipSync } from 'fflate';
import type { LineFile } from '../lineFile.js';
import type { SurfaceFile } from '../surfaceFile.js';
import { npyBytes, type NpyArray } from './npy.js';

const num = (v: unknown) => (typeof v === 'number' ? v : NaN);

/** A zip of `members` in order, stored uncompressed with a fixed date (the same bytes for the same content). */
export function zipStored(members: [string, Uint8Array][]): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [name, bytes] of members) files[name] = [bytes, { level: 0 }];
  return zipSync(files, { mtime: new Date(1980, 0, 1) });
}

/** A zip of `name.npy` entries. */
export function npzBytes(arrays: Record<string, NpyArray>): Uint8Array {
  return zipStored(Object.entries(arrays).map(([name, array]) => [`${name}.npy`, npyBytes(array)]));
}

/**
 * A surface file as .npz: alpha [nα], beta [nβ], loss, accuracy and (on a subset of samples)
 * loss_std_error [nα, nβ] (loss[i, j] at
 * (alpha[i], beta[j])), center [P], directions [2, P], and trajectory_step, _alpha, _beta,
 * _loss, _plane_loss, _distance [K] when the file has a path.
 */
export function surfaceNpz(file: SurfaceFile): Uint8Array {
  const na = file.alpha.length;
  const nb = file.beta.length;
  const arrays: Record<string, NpyArray> = { alpha: { data: file.alpha, shape: [na] }, beta: { data: file.beta, shape: [nb] } };
  for (const [m, name] of [['loss', 'loss'], ['accuracy', 'accuracy'], ['lossStdError', 'loss_std_error']] as const) {
    const rows = file.values[m];
    if (rows?.length) arrays[name] = { data: rows.flatMap((row) => row.map(num)), shape: [na, nb] };
  }
  if (file.center.length) arrays.center = { data: file.center, shape: [file.center.length] };
  if (file.directions[0].length && file.directions[1].length === file.directions[0].length) {
    arrays.directions = { data: [...file.directions[0], ...file.directions[1]], shape: [2, file.directions[0].length] };
  }
  const path = file.trajectory ?? [];
  if (path.length) {
    const columns = { step: 'step', alpha: 'alpha', beta: 'beta', loss: 'loss', plane_loss: 'planeLoss', distance: 'distance' } as const;
    for (const [name, key] of Object.entries(columns)) arrays[`trajectory_${name}`] = { data: path.map((p) => num(p[key])), shape: [path.length] };
  }
  return npzBytes(arrays);
}

/** A line file as .npz: t [n], loss [n], accuracy [n], loss_std_error [n] (on a subset), center [P], direction [P]. */
export function lineNpz(file: LineFile): Uint8Array {
  const n = file.t.length;
  const arrays: Record<string, NpyArray> = { t: { data: file.t, shape: [n] }, loss: { data: file.values.loss.map(num), shape: [n] } };
  if (file.values.accuracy) arrays.accuracy = { data: file.values.accuracy.map(num), shape: [n] };
  if (file.values.lossStdError) arrays.loss_std_error = { data: file.values.lossStdError.map(num), shape: [n] };
  if (file.center?.length) arrays.center = { data: file.center, shape: [file.center.length] };
  if (file.direction?.length) arrays.direction = { data: file.direction, shape: [file.direction.length] };
  return npzBytes(arrays);
}
