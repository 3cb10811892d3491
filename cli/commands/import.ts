/**
 * `losscape import`: PyTorch weights (safetensors, .npz with state_dict names) and ONNX MLPs
 * become run files on a data set; Li et al.'s loss-landscape .h5 files become surface (or
 * line) files. The kind of file is told by its extension.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { extname } from 'node:path';
import { ImportError, importedRunFile, readWeightsFile, type WeightsKind } from '../../engine/io/import/index.js';
import { runFileFrom } from '../../engine/io/index.js';
import { activations, lossKinds, type Activation, type LossKind } from '../../engine/nn/index.js';
import { CliError } from '../errors.js';
import { readLossLandscapeH5 } from '../formats/h5Surface.js';
import { writeResult } from '../output.js';
import { addDataOptions, dataSpecFrom, type DataOptions } from '../recipe/dataOptions.js';
import { readInput } from '../readInput.js';

interface ImportOptions extends DataOptions {
  activation?: Activation[];
  loss?: LossKind;
  split?: 'train' | 'test';
  out?: string;
}

const kinds: Record<string, 'safetensors' | 'npz' | 'onnx' | 'h5'> = { '.safetensors': 'safetensors', '.npz': 'npz', '.onnx': 'onnx', '.h5': 'h5', '.hdf5': 'h5' };

function parseActivations(value: string): Activation[] {
  const list = value.split(',').map((a) => a.trim());
  const bad = list.find((a) => !(activations as readonly string[]).includes(a));
  if (bad !== undefined) throw new InvalidArgumentError(`unknown activation "${bad}": use ${activations.join(', ')}`);
  return list as Activation[];
}

/** The model and θ* in a weights file; a state_dict's activations come from --activation (one, or one per hidden layer). */
async function readWeights(path: string, kind: WeightsKind, options: ImportOptions) {
  if (kind === 'onnx' && options.activation) throw new CliError('--activation is for state_dicts: an ONNX model names its own activations');
  return readWeightsFile(await readInput(path), kind, { activations: options.activation, loss: options.loss });
}

async function runImport(file: string, options: ImportOptions): Promise<void> {
  const kind = kinds[extname(file).toLowerCase()];
  if (!kind) throw new CliError(`cannot tell what ${file} is from its extension: give a .safetensors, .npz, .onnx or .h5 file`);
  try {
    if (kind === 'h5') {
      if (options.dataset !== undefined || options.activation) throw new CliError('an .h5 surface file is imported as it is: --dataset and --activation are for weights');
      return await writeResult(await readLossLandscapeH5(file, { split: options.split }), options.out);
    }
    if (options.dataset === undefined) throw new CliError('give --dataset: a run needs the data its loss is computed on (the one the model was trained on)');
    const weights = await readWeights(file, kind, options);
    const run = importedRunFile(weights, await dataSpecFrom(options), file);
    runFileFrom(run);
    await writeResult(run, options.out);
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(`cannot import ${file}: ${error.message}`);
    throw error;
  }
}

/** Adds the `import` command to `program`. */
export function registerImportCommand(program: Command): void {
  const command = program
    .command('import')
    .description('converts PyTorch weights (.safetensors, .npz with state_dict names) or an ONNX MLP into a run file, or a loss-landscape .h5 surface into a surface file')
    .argument('<file>', 'a .safetensors, .npz, .onnx or .h5 file')
    .option('--activation <a,b,…>', `hidden activations of a state_dict, one or one per layer (${activations.join(', ')}; default tanh)`, parseActivations)
    .addOption(new Option('--loss <kind>', 'the loss (default: softmax-ce for several outputs, mse for one; ONNX: from its last node)').choices(lossKinds))
    .addOption(new Option('--split <split>', 'which split of an .h5 file to read').choices(['train', 'test']).default('train'))
    .option('--out <file>', 'write here (atomically) instead of stdout');
  addDataOptions(command).action(runImport);
}
