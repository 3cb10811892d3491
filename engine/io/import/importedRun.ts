// Imported weights as a run file: the model and θ* read from PyTorch or ONNX, the data set the
// loss is evaluated on, and no training behind them (no history, no path), so every
// landscape tool that takes a run takes imported weights too.
import { prepareData, type DataSpec } from '../../data/index.js';
import { buildLayout, toStateDict, type MlpSpec } from '../../nn/index.js';
import { specFor } from '../../train/index.js';
import { RUN_FORMAT, type RunFile } from '../runFile.js';
import { ImportError } from './importError.js';

export interface ImportedWeights {
  spec: MlpSpec;
  theta: Float64Array;
  buffers: Record<string, Float64Array>;
}

/** The run file of imported weights on `data`; throws ImportError when the model does not fit the data. */
export function importedRunFile(weights: ImportedWeights, data: DataSpec, source: string): RunFile {
  const { spec, theta, buffers } = weights;
  const prepared = prepareData(data);
  let fits: MlpSpec;
  try {
    fits = specFor({ hidden: spec.hidden, loss: spec.loss, bias: spec.bias, residual: spec.residual, weightDecay: spec.weightDecay }, prepared);
  } catch (e) {
    throw new ImportError(`the model does not fit ${prepared.name}: ${(e as Error).message}`);
  }
  if (fits.inputs !== spec.inputs || fits.outputs !== spec.outputs) {
    throw new ImportError(
      `the model maps ${spec.inputs} inputs to ${spec.outputs} outputs, but ${prepared.name} has ${fits.inputs} inputs and needs ${fits.outputs} outputs (${spec.loss}); choose the data set (and the features) it was trained on`,
    );
  }
  const layout = buildLayout(spec);
  return {
    format: RUN_FORMAT,
    spec,
    data,
    // Not trained here: the recipe records full-batch gradient descent of length zero.
    init: { weights: 'zeros' },
    optimizer: { kind: 'gd', lr: 0 },
    seed: data.seed,
    training: { batchSize: 'full', epochs: 0 },
    layout: layout.entries.map(({ name, shape, offset, role }) => ({ name, shape, offset, role })),
    params: toStateDict(layout, theta, buffers),
    status: 'done',
    message: `imported from ${source}`,
    history: [],
    stepLosses: [],
    trajectory: { steps: [], params: [] },
  };
}
