// Opening a trained model in the app without training it: PyTorch weights (safetensors, .npz
// with state_dict names) or an ONNX MLP, read in the export worker and evaluated on the Data
// panel's data set, or a Losscape run file (from `losscape train` or `losscape import`). It
// becomes the current run, so every landscape and analysis tool takes it. Nothing changes when
// the file cannot be read or the model does not fit the data.
import { recipeOf as recipeOfRun, readRunFile, RUN_FORMAT, type RunFile } from '../../engine/io/runFile.js';
import { fileFormat } from '../../engine/io/schema.js';
import type { DataSpec } from '../../engine/data/index.js';
import { weightsKindOf } from '../../engine/io/import/weightsFile.js';
import type { Activation } from '../../engine/nn/index.js';
import { trainingJobOf } from '../session/restore.js';
import type { Session } from '../session/session.js';
import { dataSpecOf, type ProjectState } from '../state/project.js';
import type { ProjectAction } from '../state/reducer.js';
import type { Store } from '../state/store.js';

interface ModelServices {
  project: Store<ProjectState, ProjectAction>;
  session: Session;
}

/** Reads weights in the export worker: the run of `bytes` (named `name`) on `data`. */
export type WeightsReader = (bytes: Uint8Array, name: string, data: DataSpec, activations?: Activation[]) => Promise<RunFile>;

/**
 * The run in an opened model file: weights through `readWeights`, on the Data panel's data set,
 * their hidden layers taking the Model panel's activations (one for all where the panel has
 * one kind); else a run file (JSON or .npz).
 */
export async function readOpenedModel(bytes: Uint8Array, name: string, project: ProjectState, readWeights: WeightsReader): Promise<RunFile> {
  // A run file is JSON or, like a weights file, an .npz (then with its losscape.json header).
  if (weightsKindOf(name) === null || fileFormat(bytes) === RUN_FORMAT) {
    // Checked as it is read; the run is kept as the file has it, without the decoded arrays.
    const { theta, buffers, ...run } = readRunFile(bytes);
    return run;
  }
  const panel = project.model.hidden.map((layer) => layer.activation);
  const activations = new Set(panel).size === 1 ? panel.slice(0, 1) : panel;
  return readWeights(bytes, name, dataSpecOf(project.data), activations.length > 0 ? activations : undefined);
}

/** Makes `run`, opened from `name`, the current run, in place of the current run, surface and comparison. */
export function showOpenedRun({ project, session }: ModelServices, run: RunFile, name: string): void {
  session.restore((nextId) => ({ training: trainingJobOf(nextId(), run, recipeOfRun(run), name), surface: null }));
  project.dispatch({ type: 'set', section: 'view', patch: { tab: 'landscape' } });
}
