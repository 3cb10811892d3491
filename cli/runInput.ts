/** Reading a run file given on the command line, with the data it was trained on. */
import { prepareData, type PreparedData } from '../engine/data/index.js';
import { readRunFile, runStateOf, type RunFile } from '../engine/io/index.js';
import type { RunState } from '../engine/landscape/surface.js';
import { CliError } from './errors.js';
import { readInput } from './readInput.js';
import { holdDataOf } from './recipe/dataFiles.js';

export interface LoadedRun {
  file: RunFile;
  state: RunState;
  data: PreparedData;
}

/** Reads `path` as a run file and prepares its data. */
export async function loadRun(path: string): Promise<LoadedRun> {
  const file = readRunFile(await readInput(path));
  await holdDataOf(file.data, path);
  return { file, state: runStateOf(file), data: prepareData(file.data) };
}

/** A parameter vector named on the command line: `init` or `final` of the run, or another run file's final θ. */
export async function pointOf(name: string, run: LoadedRun): Promise<Float64Array> {
  if (name === 'final') return run.state.theta;
  if (name === 'init') {
    const { steps, params } = run.state.trajectory!;
    if (steps[0] !== 0) throw new CliError('the run file has no snapshot of step 0');
    return params[0];
  }
  const other = await loadRun(name);
  if (other.state.theta.length !== run.state.theta.length) {
    throw new CliError(`${name} has ${other.state.theta.length} parameters, the run ${run.state.theta.length}: not the same model`);
  }
  return other.state.theta;
}
